/**
 * The course manifest (`content/course.json`): the course's title and
 * description and its modules in order, each naming the file it is read from.
 */
import { z } from "zod";

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens");

export const courseManifestSchema = z.object({
  slug,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(""),
  modules: z
    .array(
      z.object({
        file: z
          .string()
          .min(1)
          .refine((f) => !f.includes("/") && !f.includes("\\") && !f.startsWith("."), "a plain file name in the content folder"),
        slug,
        title: z.string().trim().min(1).max(200).optional(),
        description: z.string().trim().max(2000).default(""),
      }),
    )
    .min(1)
    .refine((ms) => new Set(ms.map((m) => m.slug)).size === ms.length, "module slugs must be unique"),
});

export type CourseManifest = z.infer<typeof courseManifestSchema>;

export function parseCourseManifest(json: string): CourseManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`course.json is not valid JSON: ${(error as Error).message}`);
  }
  const result = courseManifestSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`course.json: ${first.path.join(".") || "(root)"}: ${first.message}`);
  }
  return result.data;
}
