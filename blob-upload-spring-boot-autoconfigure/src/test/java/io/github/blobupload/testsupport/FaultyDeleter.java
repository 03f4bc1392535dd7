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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import org.jspecify.annotations.Nullable;

/**
 * A provider's deleter that tests can make fail, and that says a deletion leaves the
 * given copies behind; records what it deleted.
 */
public final class FaultyDeleter implements BlobDeleter {

	private final BlobDeleter delegate;

	private final List<String> residualCopies;

	private final AtomicReference<IOException> failure = new AtomicReference<>();

	private final List<String> deleted = new ArrayList<>();

	/**
	 * Creates a deleter.
	 * @param delegate the provider's deleter
	 * @param residualCopies what it says a deletion leaves behind
	 */
	public FaultyDeleter(BlobDeleter delegate, List<String> residualCopies) {
		this.delegate = delegate;
		this.residualCopies = residualCopies;
	}

	/**
	 * Makes every delete fail, or succeed again.
	 * @param failure what to throw, or {@code null}
	 */
	public void failWith(@Nullable IOException failure) {
		this.failure.set(failure);
	}

	/**
	 * Returns the URIs of the objects deleted.
	 * @return the URIs, in order
	 */
	public synchronized List<String> deleted() {
		return List.copyOf(this.deleted);
	}

	@Override
	public String uriPrefix() {
		return this.delegate.uriPrefix();
	}

	@Override
	public synchronized boolean delete(String uri) throws IOException {
		IOException failure = this.failure.get();
		if (failure != null) {
			throw failure;
		}
		boolean existed = this.delegate.delete(uri);
		if (existed) {
			this.deleted.add(uri);
		}
		return existed;
	}

	@Override
	public Optional<Instant> lastModified(String uri) throws IOException {
		return this.delegate.lastModified(uri);
	}

	@Override
	public Optional<BlobReader> blobReader() {
		return this.delegate.blobReader();
	}

	@Override
	public List<String> residualCopies() {
		return this.residualCopies;
	}

	/**
	 * Sets the modification time of a {@code file:} object.
	 * @param uri its URI
	 * @param time the time
	 * @throws IOException if it cannot be set
	 */
	public static void touch(String uri, Instant time) throws IOException {
		Files.setLastModifiedTime(Path.of(URI.create(uri)), FileTime.from(time));
	}

}
