package io.github.blobupload.provider;

import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;

/**
 * Creates uploaders for the URI prefixes of one scheme, such as {@code file} or
 * {@code s3}. Declaring one as a bean is all it takes to add a kind of storage: the
 * auto-configuration picks the provider whose scheme matches each configured prefix.
 */
public interface BlobStorageProvider {

	/**
	 * Returns the URI scheme this provider serves.
	 * @return the scheme in lower case, without the colon, such as {@code s3}
	 */
	String scheme();

	/**
	 * Creates an uploader writing under the given prefix. Must not contact storage: it
	 * runs at startup, and storage may be unreachable then.
	 * @param uriPrefix a prefix with this provider's scheme, such as
	 * {@code s3://bucket/traces}
	 * @param naming how objects under the prefix are named
	 * @return the uploader
	 * @throws IllegalArgumentException if the prefix is malformed for this provider; the
	 * message says what is wrong and what a valid prefix looks like
	 */
	SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming);

}
