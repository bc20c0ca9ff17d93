/** `GET /info`: the capabilities and limits OVH publishes for its Swift (reference §8.3). */
import { MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES } from '../../domain/object-storage/object-names.js';
import { MAX_BULK_DELETES, MAX_BULK_FAILURES } from './swift-bulk-delete.js';
import { LISTING_LIMIT } from './swift-listing.js';
import { MAX_FILE_SIZE } from './swift-objects.js';
import { MAX_MANIFEST_BYTES, MAX_MANIFEST_SEGMENTS } from './swift-slo.js';

export const SWIFT_INFO = {
  swift: {
    version: '2.31.1',
    account_listing_limit: LISTING_LIMIT,
    container_listing_limit: LISTING_LIMIT,
    max_account_name_length: 256,
    max_container_name_length: MAX_CONTAINER_NAME_BYTES,
    max_object_name_length: MAX_OBJECT_NAME_BYTES,
    max_file_size: MAX_FILE_SIZE,
    max_header_size: 8192,
    max_meta_count: 90,
    max_meta_name_length: 128,
    max_meta_value_length: 256,
    max_meta_overall_size: 4096,
    extra_header_count: 0,
    strict_cors_mode: true,
    policies: [
      { name: 'PCS', aliases: 'PCS', default: true },
      { name: 'PCA', aliases: 'PCA' },
    ],
  },
  slo: {
    max_manifest_segments: MAX_MANIFEST_SEGMENTS,
    max_manifest_size: MAX_MANIFEST_BYTES,
    min_segment_size: 1,
  },
  dlo: { max_segments: 10000 },
  bulk_delete: { max_deletes_per_request: MAX_BULK_DELETES, max_failed_deletes: MAX_BULK_FAILURES },
  tempurl: {
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    incoming_remove_headers: ['x-timestamp'],
    outgoing_remove_headers: ['x-object-meta-*'],
    allowed_digests: ['sha1', 'sha256', 'sha512'],
  },
};
