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

package io.github.blobupload.observation;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.observation.BlobUploadObservationContext.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each {@link #uploadSync upload attempt} of a provider's uploader in an
 * observation ({@value DefaultBlobUploadObservationConvention#DEFAULT_NAME} by default).
 * <p>
 * The observation is started on the thread doing the I/O, so a storage client's own spans
 * (if it is instrumented) become its children. It has no parent: the worker thread
 * carries no observation, so the upload span starts a trace of its own rather than
 * stretching the trace of the request that produced the blob, which may have ended long
 * before. The recorded URI ({@code blob.upload.uri}) ties the two together.
 * {@link #generateDestinationUri} runs on the caller's thread and is not observed. The
 * {@linkplain StorageProbe health probe} and the {@linkplain #blobReader() reader} are
 * passed through, unobserved.
 */
public class ObservedSimpleBlobUploader implements SimpleBlobUploader {

	private static final DefaultBlobUploadObservationConvention DEFAULT_CONVENTION = new DefaultBlobUploadObservationConvention();

	private final SimpleBlobUploader delegate;

	private final String useCase;

	private final String scheme;

	private final Supplier<ObservationRegistry> registry;

	private final @Nullable BlobUploadObservationConvention convention;

	private ObservedSimpleBlobUploader(SimpleBlobUploader delegate, String useCase, String scheme,
			Supplier<ObservationRegistry> registry, @Nullable BlobUploadObservationConvention convention) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.useCase = Objects.requireNonNull(useCase, "useCase must not be null");
		this.scheme = Objects.requireNonNull(scheme, "scheme must not be null");
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
	}

	/**
	 * Wraps an uploader; the result is a {@link StorageProbe} when the uploader is one.
	 * @param delegate the provider's uploader
	 * @param useCase the use case, recorded as {@code blob.upload.use_case}
	 * @param scheme the storage scheme, recorded as {@code blob.upload.scheme}
	 * @param registry gives the registry observations are made with; called at each
	 * attempt, on the upload worker, so that it may be resolved late
	 * @param convention a convention replacing the default one, or {@code null}
	 * @return the observed uploader
	 */
	public static ObservedSimpleBlobUploader wrap(SimpleBlobUploader delegate, String useCase, String scheme,
			Supplier<ObservationRegistry> registry, @Nullable BlobUploadObservationConvention convention) {
		if (delegate instanceof StorageProbe) {
			return new Probing(delegate, useCase, scheme, registry, convention);
		}
		return new ObservedSimpleBlobUploader(delegate, useCase, scheme, registry, convention);
	}

	/**
	 * Returns the wrapped uploader.
	 * @return the provider's uploader
	 */
	public SimpleBlobUploader delegate() {
		return this.delegate;
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		return this.delegate.generateDestinationUri(blob);
	}

	@Override
	public Optional<BlobReader> blobReader() {
		return this.delegate.blobReader();
	}

	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return this.delegate.blobDeleter();
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		BlobUploadObservationContext context = new BlobUploadObservationContext(this.useCase, this.scheme, uri, blob);
		Observation observation = BlobUploadObservationDocumentation.UPLOAD_ATTEMPT
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, registry())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			this.delegate.uploadSync(uri, blob);
			context.setOutcome(Outcome.SUCCESS);
		}
		catch (IOException | RuntimeException | Error ex) {
			context.setOutcome((ex instanceof PermanentUploadException) ? Outcome.PERMANENT_ERROR : Outcome.ERROR);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * The registry; a registry that cannot be had (the application is closing) never
	 * fails an upload.
	 */
	private ObservationRegistry registry() {
		try {
			return this.registry.get();
		}
		catch (RuntimeException ex) {
			return ObservationRegistry.NOOP;
		}
	}

	@Override
	public String toString() {
		return "Observed" + this.delegate;
	}

	/** The variant for uploaders that can be probed by the health check. */
	private static final class Probing extends ObservedSimpleBlobUploader implements StorageProbe {

		Probing(SimpleBlobUploader delegate, String useCase, String scheme, Supplier<ObservationRegistry> registry,
				@Nullable BlobUploadObservationConvention convention) {
			super(delegate, useCase, scheme, registry, convention);
		}

		@Override
		public void check() throws IOException {
			((StorageProbe) delegate()).check();
		}

	}

}
