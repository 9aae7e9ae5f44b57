export { extractTextItems } from "./extract-text-items.js";
export { normalizeGlyphs } from "./normalize-glyphs.js";
export { MIN_PAGE_CHARS, MIN_TEXT_QUALITY, scoreText } from "./score-text.js";
