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

package io.github.blobupload.viewer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUrlSigner;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;

/**
 * The destinations the viewer can read: each configured use case whose uploader offers a
 * {@link BlobReader}, with the canonical prefix of its storage URIs
 * ({@link BlobReader#uriPrefix()}). It maps a recorded URI (a storage URI, or a signed
 * URL its reader maps back with {@link BlobReader#storageUri(String)}) to a viewer path
 * ({@code <use-case>/<object name>}) and back, without I/O, and never to anything outside
 * a configured prefix: a viewer path names exactly {@code <prefix><object name>} of its
 * own use case, the object name being one segment of {@code A-Z a-z 0-9 . _ -} that does
 * not start with a dot (so the trace index's entries, in a sub-folder, are never served).
 */
public final class ViewerDestinations {

	private static final Pattern USE_CASE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final Map<String, Readable> byUseCase;

	private final List<Readable> longestPrefixFirst;

	private ViewerDestinations(Map<String, Readable> byUseCase) {
		this.byUseCase = Collections.unmodifiableMap(byUseCase);
		List<Readable> sorted = new ArrayList<>(byUseCase.values());
		sorted.sort((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length()));
		this.longestPrefixFirst = List.copyOf(sorted);
	}

	/**
	 * Returns the readable destinations among the given ones: those whose uploader is a
	 * {@link ManagedBlobUploader} offering a reader.
	 * @param destinations the destinations, as
	 * {@code BlobUploaderRegistry#destinations()} lists them
	 * @return the readable destinations
	 */
	public static ViewerDestinations of(List<BlobDestination> destinations) {
		Map<String, Readable> readable = new LinkedHashMap<>();
		for (BlobDestination destination : destinations) {
			BlobUploader uploader = destination.uploader();
			if (!USE_CASE.matcher(destination.useCase()).matches()
					|| !(uploader instanceof ManagedBlobUploader managed)) {
				continue;
			}
			managed.blobReader()
				.ifPresent((reader) -> readable.putIfAbsent(destination.useCase(),
						new Readable(destination.useCase(), reader.uriPrefix(), reader)));
		}
		return new ViewerDestinations(readable);
	}

	/**
	 * Returns the use cases the viewer can read, in the registry's order.
	 * @return the use case names
	 */
	public List<String> useCases() {
		return List.copyOf(this.byUseCase.keySet());
	}

	/**
	 * Returns the use cases whose store cannot sign URLs ({@link BlobReader#urlSigner()}
	 * is empty, such as {@code file:}): the viewer streams their bytes even when it
	 * delivers by redirect.
	 * @return the use case names, in the registry's order
	 */
	public List<String> useCasesWithoutUrlSigner() {
		return this.byUseCase.values()
			.stream()
			.filter((readable) -> readable.reader().urlSigner().isEmpty())
			.map(Readable::useCase)
			.toList();
	}

	/**
	 * Returns the URL signers of the destinations whose store signs.
	 * @return the signers
	 */
	List<BlobUrlSigner> urlSigners() {
		return this.byUseCase.values().stream().flatMap((readable) -> readable.reader().urlSigner().stream()).toList();
	}

	/**
	 * Returns the viewer path of a recorded storage URI, without I/O.
	 * @param recordedUri a URI an uploader returned
	 * @return {@code <use-case>/<object name>}, or empty when the URI is not an object of
	 * a readable destination
	 */
	public Optional<String> pathOf(String recordedUri) {
		for (Readable destination : this.longestPrefixFirst) {
			Optional<String> storageUri = destination.reader().storageUri(recordedUri);
			if (storageUri.isPresent() && storageUri.get().startsWith(destination.prefix())) {
				String name = storageUri.get().substring(destination.prefix().length());
				if (isObjectName(name)) {
					return Optional.of(destination.useCase() + "/" + name);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the object a viewer path names.
	 * @param useCase the first segment of the path
	 * @param name the second segment
	 * @return the object's storage URI and the reader of its destination, or empty when
	 * the use case is not a readable destination or the name is not a plain object name
	 */
	Optional<Target> target(String useCase, String name) {
		Readable destination = this.byUseCase.get(useCase);
		if (destination == null || !isObjectName(name)) {
			return Optional.empty();
		}
		return Optional.of(new Target(useCase, name, destination.prefix() + name, destination.reader()));
	}

	/**
	 * Returns whether a string is one object name: a single safe segment
	 * ({@link BlobNamingStrategy#isSafeName}).
	 * @param name the candidate
	 * @return whether the viewer may read it
	 */
	static boolean isObjectName(String name) {
		return BlobNamingStrategy.isSafeName(name);
	}

	/** A destination the viewer can read. */
	private record Readable(String useCase, String prefix, BlobReader reader) {
	}

	/**
	 * An object the viewer was asked for.
	 *
	 * @param useCase its use case
	 * @param name its object name
	 * @param storageUri its storage URI
	 * @param reader the reader of its destination
	 */
	record Target(String useCase, String name, String storageUri, BlobReader reader) {

		/**
		 * Returns the viewer path of the object.
		 * @return {@code <use-case>/<name>}
		 */
		String path() {
			return this.useCase + "/" + this.name;
		}

	}

}
