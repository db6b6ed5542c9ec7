// SQLSTATE codes as strings: five characters, digits and upper-case letters. No dependencies:
// the search box imports this.
export const SQLSTATE_RE = /^[0-9A-Z]{5}$/;

/** The two-character class of a code: "08" for "08006". */
export const classOf = (code: string) => code.slice(0, 2);
