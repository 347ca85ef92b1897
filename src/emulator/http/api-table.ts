/**
 * The JSON API endpoints served under /b2api/vN/, by name. Upload, part-upload, download and
 * authorize paths are routed separately (router.ts) because they are not JSON calls.
 */
import { createBucket, deleteBucket, listBuckets, updateBucket } from '../api/buckets.js';
import { copyFile, copyPart } from '../api/copy.js';
import { getDownloadAuthorization } from '../download/download-auth.js';
import { deleteFileVersion, getFileInfo, hideFile } from '../api/files.js';
import { createKey, deleteKey, listKeys } from '../api/keys.js';
import { updateFileLegalHold, updateFileRetention } from '../api/lock-endpoints.js';
import { getBucketNotificationRules, setBucketNotificationRules } from '../api/notifications.js';
import {
  cancelLargeFile,
  getUploadPartUrl,
  listParts,
  listUnfinishedLargeFiles,
  startLargeFile,
} from '../upload/large-files.js';
import { finishLargeFile } from '../upload/large-file-finish.js';
import { listFileNames, listFileVersions } from '../api/listing.js';
import type { ApiHandler } from '../state.js';
import { getUploadUrl } from '../upload/upload.js';

/** Every JSON endpoint by name. */
export const API_HANDLERS: Record<string, ApiHandler> = {
  b2_list_buckets: listBuckets,
  b2_create_bucket: createBucket,
  b2_update_bucket: updateBucket,
  b2_delete_bucket: deleteBucket,
  b2_get_upload_url: getUploadUrl,
  b2_start_large_file: startLargeFile,
  b2_get_upload_part_url: getUploadPartUrl,
  b2_list_parts: listParts,
  b2_finish_large_file: finishLargeFile,
  b2_cancel_large_file: cancelLargeFile,
  b2_list_unfinished_large_files: listUnfinishedLargeFiles,
  b2_list_file_names: listFileNames,
  b2_list_file_versions: listFileVersions,
  b2_get_file_info: getFileInfo,
  b2_hide_file: hideFile,
  b2_delete_file_version: deleteFileVersion,
  b2_copy_file: copyFile,
  b2_copy_part: copyPart,
  b2_get_download_authorization: getDownloadAuthorization,
  b2_create_key: createKey,
  b2_list_keys: listKeys,
  b2_delete_key: deleteKey,
  b2_update_file_retention: updateFileRetention,
  b2_update_file_legal_hold: updateFileLegalHold,
  b2_get_bucket_notification_rules: getBucketNotificationRules,
  b2_set_bucket_notification_rules: setBucketNotificationRules,
};
