import { type Language } from "../tenant/tenant.js";
import { de } from "./sentences/de.js";
import { en } from "./sentences/en.js";
import { fr } from "./sentences/fr.js";
import { nb } from "./sentences/nb.js";
import { pl } from "./sentences/pl.js";
import { type Sentences } from "./sentences/sentences.js";
import { zhHans } from "./sentences/zh-Hans.js";

export type { Sentences };

/** Every language caseclock writes to customers in (docs/policy.md §1.5), one file each under sentences/. */
export const sentences: Readonly<Record<Language, Sentences>> = { en, fr, de, pl, nb, "zh-Hans": zhHans };
