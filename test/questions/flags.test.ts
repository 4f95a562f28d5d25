import { pronounBeforeAnyName, questionFlags } from "~/questions/flags";

describe("automatic checks on a question", () => {
  it("flags a statement that points at a person before naming anyone, unless a sentence before it is shown", () => {
    expect(pronounBeforeAnyName("In 1885, he tested the serum on a boy.")).toBe(true);
    expect(pronounBeforeAnyName("In 1885, Marta Lind tested her serum on a boy.")).toBe(false);
    expect(questionFlags({ prompt: "In _____, he tested the serum on a boy.", answer: "1885" })).toEqual(["dangling-reference"]);
    expect(
      questionFlags({ prompt: "Marta Lind worked in Oslo. In _____, she tested the serum on a boy.", answer: "1885" }),
    ).toEqual([]);
  });

  it("flags a blank that is a piece of a longer name", () => {
    expect(questionFlags({ prompt: "The _____ Harbour Authority runs the port.", answer: "Northern Coast" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "Students of Polytechnic _____ founded the club.", answer: "Varna" })).toEqual(["piece-of-a-name"]);
    expect(questionFlags({ prompt: "The _____ runs the port of Varna.", answer: "Northern Coast Harbour Authority" })).toEqual([]);
    // The first word's capital says nothing.
    expect(questionFlags({ prompt: "Then _____ took over the port.", answer: "Varna" })).toEqual([]);
  });

  it("flags a blank that is one half of a range, a power or a unit", () => {
    expect(questionFlags({ prompt: "The canal was dug in _____–61.", answer: "1859" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The lock holds 2^_____ litres.", answer: "20" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "Its density is about _____/cm3.", answer: "2.7 g" })).toEqual(["part-of-a-number"]);
    expect(questionFlags({ prompt: "The canal opened in _____.", answer: "1869" })).toEqual([]);
  });
});
