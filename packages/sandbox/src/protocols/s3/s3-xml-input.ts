/** Parses the small XML documents S3 clients send (DeleteObjects, CompleteMultipartUpload, RestoreObject, IntelligentTieringConfiguration). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { malformedXml } from './s3-answers.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Go clients (rclone) write the quotes of an ETag as &#34;.
  htmlEntities: true,
  isArray: (name) => name === 'Object' || name === 'Part' || name === 'Tiering',
});

export function parseXml(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (!text.trim() || XMLValidator.validate(text) !== true) throw malformedXml();
  return parser.parse(text) as Record<string, unknown>;
}

/** The element `root` of a parsed document, as an object; MalformedXML otherwise. */
export function rootElement(document: Record<string, unknown>, root: string): Record<string, unknown> {
  const element = document[root];
  if (element === '') return {};
  if (element === null || typeof element !== 'object') throw malformedXml();
  return element as Record<string, unknown>;
}
