// Public surface of the text helpers: echoing user input safely in messages.
export {
  escapeControlCharacters,
  hasControlCharacters,
  MAX_ECHOED_CHARS,
  quoteInput,
} from './quote-input.js';
