/** Values the draft page's forms and their schema share; not server-only, since the page renders them too. */

/** The course select's value for "a new course". */
export const NEW_COURSE = "new";
