import type { IssuerLevel, IssuerLevels } from "../../templates/rule-def.js";

const compiled = new Map<string, RegExp>();

function compile(source: string): RegExp {
  let regex = compiled.get(source);
  if (regex === undefined) {
    regex = new RegExp(source, "u");
    compiled.set(source, regex);
  }
  return regex;
}

/** The agency's administrative level read from its name; `unknown` when no level's pattern matches. */
export function classifyIssuer(agency: string, data: IssuerLevels): IssuerLevel {
  let name = agency.replace(/\s+/gu, "");
  for (const word of data.neutralWords) name = name.replaceAll(word, "");
  for (const { level, patterns } of data.levels) {
    if (patterns.some((pattern) => compile(pattern).test(name))) return level;
  }
  return "unknown";
}
