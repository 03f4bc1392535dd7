/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.testsupport;

/**
 * A storage emulator run out of process on a loopback port, as the fault tests drive it:
 * stopped and started again on the same port, with buckets created and objects read back.
 */
public interface StorageEmulator extends AutoCloseable {

	/**
	 * Returns the port the emulator listens on.
	 * @return the loopback port
	 */
	int port();

	/**
	 * Creates a bucket (an S3 bucket, an Azure container).
	 * @param name the bucket name
	 */
	void createBucket(String name);

	/**
	 * Reads an object back.
	 * @param bucket the bucket (S3) or container (Azure)
	 * @param objectName the object key or blob name
	 * @return the stored bytes
	 */
	byte[] read(String bucket, String objectName);

	/**
	 * Reads an object back with what the store keeps beside its bytes.
	 * @param bucket the bucket (S3) or container (Azure)
	 * @param objectName the object key or blob name
	 * @return the object
	 */
	StoredObject readObject(String bucket, String objectName);

	/**
	 * Returns the plain HTTP URL of an object (path-style), as a signed URL names it
	 * before its query.
	 * @param bucket the bucket (S3) or container (Azure)
	 * @param objectName the object key or blob name
	 * @return the URL
	 */
	String objectUrl(String bucket, String objectName);

	/**
	 * Kills the emulator at once, as a crash would; its in-memory store is lost.
	 */
	void kill();

	/** Stops the emulator; its in-memory store is lost. */
	@Override
	void close();

}
