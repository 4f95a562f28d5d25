import { readSource, MAX_SOURCE_BYTES, firstInvalidUtf8Offset } from "~/content/read";
import { IngestError } from "~/content/types";

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(name: string, bytes: Uint8Array): string {
  try {
    readSource(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return (error as IngestError).message;
  }
  throw new Error("expected readSource to refuse the file");
}

describe("readSource", () => {
  it("knows the format from the extension", () => {
    expect(readSource("a.txt", utf8("Hello.")).format).toBe("txt");
    expect(readSource("dir/B.MD", utf8("# Hi")).format).toBe("md");
    expect(readSource("c.markdown", utf8("# Hi")).format).toBe("md");
    expect(readSource("d.htm", utf8("<p>Hi</p>")).format).toBe("html");
    expect(readSource("e.html", utf8("<p>Hi</p>")).format).toBe("html");
  });

  it("normalises CRLF, lone CR and a byte-order mark away", () => {
    const doc = readSource("a.txt", utf8("\ufeffTitle\r\nFirst line.\rSecond line.\r\n"));
    expect(doc.text).toBe("Title\nFirst line.\nSecond line.\n");
  });

  it("reads UTF-16 text that carries its byte-order mark", () => {
    const body = "Über alles.";
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < body.length; i++) bytes[2 + i * 2] = body.charCodeAt(i);
    expect(readSource("u.txt", bytes).text).toBe(body);
  });

  it("refuses an empty or whitespace-only file", () => {
    expect(refusal("e.txt", new Uint8Array())).toMatch(/^e\.txt: .*empty/);
    expect(refusal("w.txt", utf8(" \n\t\r\n"))).toMatch(/empty/);
  });

  it("refuses binary data", () => {
    expect(refusal("b.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]))).toMatch(/binary/);
    expect(refusal("c.txt", utf8("\u0001\u0002\u0003\u0004\u0005\u0006abc"))).toMatch(/binary/);
  });

  it("refuses invalid UTF-8 and says where it breaks", () => {
    const bytes = new Uint8Array([...utf8("caf"), 0xe9, ...utf8(" au lait")]);
    expect(refusal("latin1.txt", bytes)).toMatch(/not valid UTF-8.*offset 3/);
  });

  it("refuses a file over the size limit without decoding it", () => {
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1);
    expect(refusal("big.txt", big)).toMatch(/too large/);
  });

  it("refuses a type it does not read", () => {
    expect(refusal("slides.pdf", utf8("%PDF"))).toMatch(/unsupported file type/);
    expect(refusal("README", utf8("text"))).toMatch(/unsupported file type/);
  });
});

describe("firstInvalidUtf8Offset", () => {
  it("accepts multi-byte characters and finds truncated or overlong ones", () => {
    expect(firstInvalidUtf8Offset(utf8("naïve – “quoted” 😀"))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
  });
});
