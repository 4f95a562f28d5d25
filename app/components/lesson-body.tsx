import type { Block } from "~/content/types";

/** Renders a lesson's blocks. All text goes through React, so it is always escaped. */
export function LessonBody({ blocks }: { blocks: Block[] }) {
  return (
    <div className="prose">
      {blocks.map((block, i) => {
        switch (block.kind) {
          case "heading":
            return <h3 key={i}>{block.text}</h3>;
          case "paragraph":
            return <p key={i}>{block.text}</p>;
          case "list": {
            const items = block.items.map((item, j) => <li key={j}>{item}</li>);
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case "table":
            return (
              <table key={i}>
                {block.header ? (
                  <thead>
                    <tr>
                      {block.header.map((cell, j) => (
                        <th key={j} scope="col">
                          {cell}
                        </th>
                      ))}
                    </tr>
                  </thead>
                ) : null}
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, j) => (
                        <td key={j}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}
