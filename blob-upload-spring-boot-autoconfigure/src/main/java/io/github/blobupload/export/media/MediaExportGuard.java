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

package io.github.blobupload.export.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportGuardListener;
import io.github.blobupload.export.SkipReason;
import io.github.blobupload.internal.RateLimitedLogger;
import io.github.blobupload.internal.JsonTree;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export guard that stores inline media through the Spring AI hooks'
 * {@link io.github.blobupload.ai.offload.MediaOffloader}: the same uploaders, use cases
 * ({@code export.span}, {@code export.log}), labels, include and exclude rules, filters,
 * inline budget and content addressing. A string value at least
 * {@linkplain Builder#examineAtLeast(int) a few characters} long is examined when it is a
 * {@code data:} URL or JSON holding a {@code "blob"} or {@code data:} text:
 * <ul>
 * <li>a GenAI {@code blob} part becomes a {@code uri} part with the same {@code modality}
 * and {@code mime_type};</li>
 * <li>a {@code uri} part whose URI is a {@code data:} URL gets the stored blob's
 * URI;</li>
 * <li>any other string that is a {@code data:} URL (a JSON member, or the whole value,
 * such as OpenInference's {@code ...image.image.url}) becomes the stored blob's URI;</li>
 * <li>media that cannot be stored becomes a {@code uri} part {@code /dev/null} with a
 * {@code stripped_reason} (a bare {@code data:} URL becomes {@code /dev/null});</li>
 * <li>media the offloader keeps inline (under the inline budget) stays as it is.</li>
 * </ul>
 * Everything else of the value is copied as it was. Values that are not JSON, nest too
 * deep or are too long to parse are left as they are and counted. Never throws and never
 * blocks on storage; when something fails inside, the value is exported with its inline
 * media replaced by markers ({@code stripped_reason} {@code error}).
 */
public final class MediaExportGuard implements ExportGuard {

	/** Default length from which a string value is examined. */
	public static final int DEFAULT_EXAMINE_AT_LEAST = 1024;

	/** Default longest value parsed as JSON. */
	public static final int DEFAULT_MAX_PARSED_LENGTH = 64 * 1024 * 1024;

	/** Default deepest JSON nesting followed. */
	public static final int DEFAULT_MAX_DEPTH = 64;

	/** The {@code stripped_reason} of media not stored because uploading is off. */
	public static final String UPLOADING_OFF = "uploading_off";

	/** The {@code stripped_reason} of media not stored because the guard failed. */
	public static final String ERROR = "error";

	private static final Logger logger = LoggerFactory.getLogger(MediaExportGuard.class);

	private final MediaStore store;

	private final int examineAtLeast;

	private final int maxParsedLength;

	private final int maxDepth;

	private final List<ExportGuardListener> listeners;

	private final RateLimitedLogger errors = new RateLimitedLogger(logger, Duration.ofMinutes(1));

	private MediaExportGuard(Builder builder, MediaStore store) {
		this.store = store;
		this.examineAtLeast = builder.examineAtLeast;
		this.maxParsedLength = builder.maxParsedLength;
		this.maxDepth = builder.maxDepth;
		this.listeners = List.copyOf(builder.listeners);
	}

	/**
	 * Starts building a guard that stores media through an offloader.
	 * @param offloader the Spring AI hooks' offloader
	 * @return a builder
	 */
	public static Builder builder(io.github.blobupload.ai.offload.MediaOffloader offloader) {
		return new Builder(Objects.requireNonNull(offloader, "offloader must not be null"));
	}

	/**
	 * Starts building a guard for an application whose uploading is off: inline media is
	 * replaced by markers with {@code stripped_reason} {@value #UPLOADING_OFF}.
	 * @return a builder
	 */
	public static Builder strippingBuilder() {
		return new Builder(null);
	}

	@Override
	public void itemExamined(ExportContext context) {
		tell((listener) -> listener.itemExamined(context.signal()));
	}

	@Override
	public String guard(String key, String value, ExportContext context) {
		if (value.length() < this.examineAtLeast || !mayHoldMedia(value)) {
			return value;
		}
		tell((listener) -> listener.valueExamined(context.signal()));
		try {
			return rewrite(value, context, this.store);
		}
		catch (RuntimeException | LinkageError | StackOverflowError ex) {
			this.errors.warn(() -> "Could not examine " + key + " of a " + context.signal().tag()
					+ " for inline media; exported with its media stripped: " + ex.getClass().getName(), ex);
			try {
				return rewrite(value, context, MediaStore.stripping(ERROR));
			}
			catch (RuntimeException | LinkageError | StackOverflowError again) {
				return BlobUploader.NOT_UPLOADED;
			}
		}
	}

	private String rewrite(String value, ExportContext context, MediaStore store) {
		MediaRewrite rewrite = new MediaRewrite(value, context, store, this.examineAtLeast, this::tell);
		if (DataUrls.isDataUrl(value)) {
			return rewrite.wholeDataUrl();
		}
		if (!startsLikeJson(value)) {
			return value;
		}
		if (value.length() > this.maxParsedLength) {
			tell((listener) -> listener.valueSkipped(context.signal(), SkipReason.TOO_LARGE));
			return value;
		}
		Object tree;
		try {
			tree = JsonTree.parse(value, this.maxDepth);
		}
		catch (JsonTree.NotJsonException ex) {
			tell((listener) -> listener.valueSkipped(context.signal(), SkipReason.NOT_JSON));
			return value;
		}
		catch (JsonTree.TooDeepException ex) {
			tell((listener) -> listener.valueSkipped(context.signal(), SkipReason.TOO_DEEP));
			return value;
		}
		return rewrite.json(tree);
	}

	private static boolean mayHoldMedia(String value) {
		return value.contains("\"blob\"") || DataUrls.containsDataUrl(value);
	}

	private static boolean startsLikeJson(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '{' || c == '[') {
				return true;
			}
			if (!Character.isWhitespace(c)) {
				return false;
			}
		}
		return false;
	}

	private void tell(Consumer<ExportGuardListener> event) {
		for (ExportGuardListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				this.errors.warn(() -> "ExportGuardListener " + listener.getClass().getName() + " failed: "
						+ ex.getClass().getName(), ex);
			}
		}
	}

	/**
	 * Builds a {@link MediaExportGuard}. Each setter validates its argument and throws
	 * {@link IllegalArgumentException} naming the setting and the bad value.
	 */
	public static final class Builder {

		private final io.github.blobupload.ai.offload.@Nullable MediaOffloader offloader;

		private int examineAtLeast = DEFAULT_EXAMINE_AT_LEAST;

		private int maxParsedLength = DEFAULT_MAX_PARSED_LENGTH;

		private int maxDepth = DEFAULT_MAX_DEPTH;

		private final List<ExportGuardListener> listeners = new ArrayList<>();

		private Builder(io.github.blobupload.ai.offload.@Nullable MediaOffloader offloader) {
			this.offloader = offloader;
		}

		/**
		 * Sets the length from which a string value is examined (default
		 * {@value #DEFAULT_EXAMINE_AT_LEAST} characters): shorter values are exported
		 * without a look, so media smaller than about three quarters of it stays inline.
		 * @param characters the length, positive
		 * @return this builder
		 */
		public Builder examineAtLeast(int characters) {
			if (characters <= 0) {
				throw new IllegalArgumentException("examineAtLeast must be positive but was " + characters);
			}
			this.examineAtLeast = characters;
			return this;
		}

		/**
		 * Sets the longest value parsed as JSON (default 64 Mi characters); longer JSON
		 * values are exported as they are and counted.
		 * @param characters the length, positive
		 * @return this builder
		 */
		public Builder maxParsedLength(int characters) {
			if (characters <= 0) {
				throw new IllegalArgumentException("maxParsedLength must be positive but was " + characters);
			}
			this.maxParsedLength = characters;
			return this;
		}

		/**
		 * Sets the deepest JSON nesting followed (default {@value #DEFAULT_MAX_DEPTH});
		 * deeper values are exported as they are and counted.
		 * @param depth the depth, positive
		 * @return this builder
		 */
		public Builder maxDepth(int depth) {
			if (depth <= 0) {
				throw new IllegalArgumentException("maxDepth must be positive but was " + depth);
			}
			this.maxDepth = depth;
			return this;
		}

		/**
		 * Adds listeners told what the guard does, such as an
		 * {@link io.github.blobupload.export.ExportGuardCounts}.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(List<? extends ExportGuardListener> listeners) {
			this.listeners.addAll(listeners);
			return this;
		}

		/**
		 * Builds the guard.
		 * @return a new guard
		 */
		public MediaExportGuard build() {
			MediaStore store = (this.offloader != null) ? MediaStore.offloading(this.offloader)
					: MediaStore.stripping(UPLOADING_OFF);
			return new MediaExportGuard(this, store);
		}

	}

}
