/**
 * Reading uploads: Word documents and PDFs made in the test, read into the
 * HTML path; and the files an upload must refuse, each with its reason.
 */
import { describe, expect, it } from "vitest";
import { draftModule } from "../../app/content/draft";
import { MAX_SOURCE_BYTES } from "../../app/content/read";
import { docxToHtml } from "../../app/content/read-docx";
import { MAX_PDF_PAGES } from "../../app/content/read-pdf";
import { checkUpload, pastedFileName, readUpload } from "../../app/content/read-upload";
import { assertZipWithinBounds } from "../../app/content/zip-bounds";
import { docxParts, makeDocx, makePdf, zipByHand, zipOf } from "../support/material-files";

const text = (s: string) => new TextEncoder().encode(s);

describe("reading a Word document", () => {
  it("reads Word's Title as the title and its Heading 1 paragraphs as lessons, through the HTML path", async () => {
    const bytes = await makeDocx([
      { style: "Title", text: "Rivers of the World" },
      { style: "Heading1", text: "The Nile" },
      { text: "The Nile flows north into the Mediterranean Sea." },
      { style: "Heading1", text: "The Amazon" },
      { text: "The Amazon carries more water than any other river.", bold: false },
    ]);
    const doc = await readUpload("rivers.docx", bytes);
    expect(doc.format).toBe("html");
    const module = draftModule(doc);
    expect(module.title).toBe("Rivers of the World");
    expect(module.lessons.map((l) => l.title)).toEqual(["The Nile", "The Amazon"]);
    expect(module.lessons[0].text).toContain("flows north into the Mediterranean");
  });

  it("keeps a link's text but never its script: mammoth's HTML is sanitised as any upload's", async () => {
    const parts = docxParts([{ style: "Heading1", text: "Safety" }, { text: "Read this <script>alert(1)</script> first." }]);
    const doc = await readUpload("safety.docx", await zipOf(parts));
    const lesson = draftModule(doc).lessons[0];
    expect(lesson.text).toContain("Read this");
    expect(lesson.text).not.toMatch(/<script|alert\(1\)<\/script>/);
  });

  it("refuses a file named .docx that is not a zip archive", async () => {
    await expect(readUpload("notes.docx", text("just some text, not a zip"))).rejects.toThrow("notes.docx: this is not a Word document");
    expect(() => checkUpload("notes.docx", text("just some text"))).toThrow("this is not a Word document");
  });

  it("refuses a zip archive that is not a Word document", async () => {
    const bytes = await zipOf({ "readme.txt": "hello" });
    await expect(readUpload("archive.docx", bytes)).rejects.toThrow("archive.docx: this zip archive is not a Word document (it has no word/document.xml)");
  });

  it("refuses a zip bomb by what it declares, before unpacking it", async () => {
    // 210 MB of spaces deflate to about 200 KB.
    const parts = Object.fromEntries(Object.entries(docxParts([{ text: "x" }])).map(([name, xml]) => [name, text(xml)]));
    const bytes = zipByHand({ ...parts, "word/media/padding.bin": new Uint8Array(210 * 1024 * 1024).fill(32) });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    await expect(readUpload("bomb.docx", bytes)).rejects.toThrow(/bomb\.docx: this file unpacks to 210\.\d MB; a document may unpack to at most 200\.0 MB/);
  });

  it("refuses an entry that unpacks to more than it declares, without unpacking more than it declared", async () => {
    const bytes = await zipOf({ "word/document.xml": "a".repeat(100_000) });
    // Rewrite the declared size (central directory, offset 24 of the entry) to 1,000 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // JSZip lists the folder "word/" first: the file's entry is the last in the directory.
    let central = bytes.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 1_000, true);
    expect(() => assertZipWithinBounds("liar.docx", bytes, { entries: 10, unpackedBytes: 1_000_000 })).toThrow(
      "liar.docx: part word/document.xml unpacks to more than it declares",
    );
  });

  it("refuses bytes that hold no zip directory", () => {
    expect(() => assertZipWithinBounds("cut.docx", new Uint8Array(0), { entries: 10, unpackedBytes: 1 })).toThrow("cut.docx: this file is not a readable zip archive");
    expect(() => assertZipWithinBounds("cut.docx", new Uint8Array(100).fill(7), { entries: 10, unpackedBytes: 1 })).toThrow("not a readable zip archive");
  });

  it("refuses an archive of too many parts", async () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < 30; i++) parts[`part${i}.xml`] = "<a/>";
    const bytes = await zipOf(parts);
    expect(() => assertZipWithinBounds("many.docx", bytes, { entries: 10, unpackedBytes: 1_000_000 })).toThrow("many.docx: this archive holds 30 parts; a document has at most 10");
  });

  it("holds a document's extracted text to the ingestion limit", async () => {
    const long = "The river runs on and on. ".repeat(Math.ceil(MAX_SOURCE_BYTES / 26) + 10);
    const bytes = await makeDocx([{ text: long }]);
    expect(bytes.length).toBeLessThan(MAX_SOURCE_BYTES);
    await expect(readUpload("long.docx", bytes)).rejects.toThrow(/long\.docx: the text in this file is too large \(10\.\d MB once extracted; the limit is 10\.0 MB\)/);
  });

  it("never unpacks images into the HTML", async () => {
    const html = await docxToHtml("plain.docx", await makeDocx([{ text: "Only words here." }]));
    expect(html).toContain("Only words here.");
    expect(html).not.toContain("data:");
  });
});

describe("reading a PDF", () => {
  it("finds the title and sections by font height, and paragraphs by the gaps between lines", async () => {
    const bytes = makePdf([
      [
        { text: "Rivers of the World", size: 24 },
        { text: "The Nile", size: 16 },
        { text: "The Nile flows north into the Mediterranean", size: 11 },
        { text: "Sea. It is about 6,650 kilometres long.", size: 11 },
        { text: "", size: 11 },
        { text: "Its delta is one of the largest in the world.", size: 11 },
      ],
      [
        { text: "The Amazon", size: 16 },
        { text: "The Amazon carries more water than any other river.", size: 11 },
      ],
    ]);
    const doc = await readUpload("rivers.pdf", bytes);
    const module = draftModule(doc);
    expect(module.title).toBe("Rivers of the World");
    expect(module.lessons.map((l) => l.title)).toEqual(["The Nile", "The Amazon"]);
    const paragraphs = module.lessons[0].blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
    expect(paragraphs).toEqual(["The Nile flows north into the Mediterranean Sea. It is about 6,650 kilometres long.", "Its delta is one of the largest in the world."]);
  });

  it("refuses a PDF of more pages than the limit, with the count", async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, () => [{ text: "Page", size: 11 }]);
    await expect(readUpload("huge.pdf", makePdf(pages))).rejects.toThrow(`huge.pdf: this PDF has 1,001 pages; the limit is 1,000`);
  });

  it("refuses a PDF with no text, saying a scan holds only pictures", async () => {
    await expect(readUpload("scan.pdf", makePdf([[], []]))).rejects.toThrow("scan.pdf: this PDF has no text to read");
  });

  it("refuses a damaged PDF and a file that only claims to be one", async () => {
    const damaged = makePdf([[{ text: "Hello", size: 11 }]]).slice(0, 60);
    await expect(readUpload("broken.pdf", damaged)).rejects.toThrow("broken.pdf:");
    await expect(readUpload("fake.pdf", text("hello"))).rejects.toThrow("fake.pdf: this is not a PDF");
    expect(() => checkUpload("fake.pdf", text("hello"))).toThrow("this is not a PDF");
  });
});

describe("what an upload refuses at once", () => {
  it("refuses an unknown type, an empty file, binary bytes, invalid UTF-8 and a file over the limit, each by name", () => {
    expect(() => checkUpload("slides.pptx", text("x"))).toThrow("slides.pptx: unsupported file type (expected .txt, .md, .html, .docx, .pdf)");
    expect(() => checkUpload("empty.md", new Uint8Array())).toThrow("empty.md: file is empty");
    expect(() => checkUpload("blob.txt", new Uint8Array([1, 2, 0, 3, 4]))).toThrow("blob.txt: file looks binary");
    expect(() => checkUpload("latin.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toThrow("latin.txt: file is not valid UTF-8 text");
    expect(() => checkUpload("big.md", new Uint8Array(MAX_SOURCE_BYTES + 1).fill(97))).toThrow("big.md: file is too large (10.0 MB; the limit is 10.0 MB)");
    expect(() => checkUpload("big.pdf", new Uint8Array(MAX_SOURCE_BYTES + 1))).toThrow("big.pdf: file is too large");
  });

  it("reads pasted text as Markdown when it has Markdown headings, else as plain text", () => {
    expect(pastedFileName("# Rivers\n\nThe Nile.")).toBe("Pasted text.md");
    expect(pastedFileName("Rivers\n\nThe Nile flows north. #1 river.")).toBe("Pasted text.txt");
  });
});
