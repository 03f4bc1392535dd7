package io.github.blobupload.testsupport;

import java.util.Map;

/**
 * What a store holds for one object, read back through the store's own client.
 *
 * @param content the bytes
 * @param contentType the content type the store serves
 * @param metadata the object's metadata (S3 user metadata, Azure metadata)
 * @param parts how many parts (S3 multipart) or blocks (Azure) the object was committed
 * from; 1 when it was sent in one request
 */
public record StoredObject(byte[] content, String contentType, Map<String, String> metadata, int parts) {
}
