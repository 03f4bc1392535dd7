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

package io.github.blobupload.provider.azure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.provider.RetentionSupport;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.ObjectMetadata;
import io.github.blobupload.provider.internal.RetentionMarks;
import io.github.blobupload.provider.internal.RecordedUris;
import io.github.blobupload.provider.internal.StorageErrors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes blobs to one container under one name prefix as block blobs. The content type
 * and labels (as metadata, see {@link ObjectMetadata}) are sent with the blob in the
 * request that creates it; no public access is set. Blobs above the block-upload
 * threshold are staged block by block and committed with their headers and metadata; each
 * request body is a read-only view of the blob's array, not a copy.
 * <p>
 * Errors are classified for the upload engine: answers that retrying cannot change
 * (missing container, authentication or authorization failure, bad request) become
 * {@link PermanentUploadException}s naming the container and the store's answer;
 * throttling ({@code ServerBusy}), 5xx answers, timeouts and connection failures become
 * plain {@link IOException}s, which the engine retries.
 * <p>
 * As a {@link StorageProbe}, it writes the probe blob under its name prefix, as a blob is
 * written (same client, encryption scope and classification).
 */
final class AzureBlobUploader implements SimpleBlobUploader, StorageProbe, RetentionSupport {

	private static final Logger logger = LoggerFactory.getLogger(AzureBlobUploader.class);

	/** Error codes sent with a 4xx status that are worth retrying. */
	private static final Set<String> RETRYABLE_CODES = Set.of("OperationTimedOut", "ServerBusy", "InternalError");

	private final String account;

	private final String container;

	private final RecordedUris uris;

	private final AzureUploadOptions options;

	private final LazyClient<BlobContainerClient> containerClient;

	private final AtomicBoolean signingUnavailableLogged = new AtomicBoolean();

	private final AzureBlobReader reader;

	private final AzureBlobDeleter deleter;

	/**
	 * Creates an uploader.
	 * @param account the storage account name
	 * @param container the container
	 * @param blobPrefix the blob-name prefix: empty, or safe segments ending with
	 * {@code /}
	 * @param naming how blobs are named
	 * @param serviceClient the account's client, obtained on first upload
	 * @param options how blobs are written
	 */
	AzureBlobUploader(String account, String container, String blobPrefix, BlobNamingStrategy naming,
			LazyClient<BlobServiceClient> serviceClient, AzureUploadOptions options) {
		this(account, container, blobPrefix, naming, serviceClient, options, serviceClient);
	}

	/**
	 * Creates an uploader whose deleter has a client of its own.
	 * @param account the storage account name
	 * @param container the container
	 * @param blobPrefix the blob-name prefix: empty, or safe segments ending with
	 * {@code /}
	 * @param naming how blobs are named
	 * @param serviceClient the account's client, obtained on first upload
	 * @param options how blobs are written
	 * @param erasureServiceClient the account's client for the deleter, obtained on first
	 * deletion; may be {@code serviceClient}
	 */
	AzureBlobUploader(String account, String container, String blobPrefix, BlobNamingStrategy naming,
			LazyClient<BlobServiceClient> serviceClient, AzureUploadOptions options,
			LazyClient<BlobServiceClient> erasureServiceClient) {
		this.account = Objects.requireNonNull(account, "account must not be null");
		this.container = Objects.requireNonNull(container, "container must not be null");
		this.uris = new RecordedUris(
				AzureBlobStorageProvider.SCHEME + "://" + account + "/" + container + "/" + blobPrefix, blobPrefix,
				"/" + container + "/" + blobPrefix, naming);
		this.options = Objects.requireNonNull(options, "options must not be null");
		Objects.requireNonNull(serviceClient, "serviceClient must not be null");
		this.containerClient = LazyClient.of("Azure Blob client", () -> null,
				() -> containerClient(serviceClient.get()));
		this.reader = new AzureBlobReader(container, this.uris, this.containerClient, options.publicEndpoint());
		Objects.requireNonNull(erasureServiceClient, "erasureServiceClient must not be null");
		this.deleter = new AzureBlobDeleter(container, this.uris,
				(erasureServiceClient != serviceClient) ? LazyClient.of("Azure Blob erasure client", () -> null,
						() -> containerClient(erasureServiceClient.get())) : this.containerClient);
	}

	/**
	 * Returns the deleter of this uploader's blobs, through the erasure client when there
	 * is one, otherwise the same client.
	 * @return the deleter
	 */
	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return Optional.of(this.deleter);
	}

	/**
	 * Returns the reader of this uploader's blobs, through the same client.
	 * @return the reader
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	private BlobContainerClient containerClient(BlobServiceClient service) {
		String serviceAccount = service.getAccountName();
		if (serviceAccount != null && !serviceAccount.equalsIgnoreCase(this.account)) {
			throw new IllegalStateException("the BlobServiceClient is for the storage account '" + serviceAccount
					+ "', not '" + this.account + "' named by " + this.uris.uriPrefix());
		}
		if (this.options.encryptionScope() == null) {
			return service.getBlobContainerClient(this.container);
		}
		// Same pipeline (credentials, retry policy), plus the encryption scope.
		return new BlobContainerClientBuilder().pipeline(service.getHttpPipeline())
			.endpoint(service.getAccountUrl() + "/" + this.container)
			.encryptionScope(this.options.encryptionScope())
			.buildClient();
	}

	/**
	 * Obtains the container client on a background thread, so that SAS URLs can be made
	 * without blocking {@link #generateDestinationUri(Blob)}.
	 * @return a future that completes when the client is ready
	 */
	CompletableFuture<?> prepareInBackground() {
		return this.containerClient.initializeInBackground();
	}

	/**
	 * Returns {@code azblob://ACCOUNT/CONTAINER/prefix/NAME}, or, when signed URLs are
	 * enabled and the client is ready, the blob's HTTPS URL with a read-only service SAS.
	 * The SAS is an HMAC computed locally with the account key; a client without an
	 * account key (Microsoft Entra ID credentials) cannot make one offline, and then the
	 * {@code azblob://} URI is recorded and a warning logged once.
	 * @param blob the blob
	 * @return the URI to record
	 * @throws IllegalArgumentException if the naming strategy returned an unsafe name
	 */
	@Override
	public String generateDestinationUri(Blob blob) {
		String name = this.uris.name(blob);
		String blobName = this.uris.key(name);
		if (this.options.signedUrlExpiry() != null) {
			BlobContainerClient client = this.containerClient.getIfReady();
			if (client != null) {
				try {
					var blobClient = client.getBlobClient(blobName);
					String sas = blobClient.generateSas(
							new BlobServiceSasSignatureValues(OffsetDateTime.now().plus(this.options.signedUrlExpiry()),
									new BlobSasPermission().setReadPermission(true)));
					// The name holds only safe characters; getBlobUrl() would encode its
					// slashes.
					return this.reader.containerUrl(client) + "/" + blobName + "?" + sas;
				}
				catch (RuntimeException ex) {
					logSigningUnavailable(ex.getMessage());
				}
			}
			else {
				logSigningUnavailable("the client is not ready yet");
			}
		}
		return this.uris.uri(name);
	}

	private void logSigningUnavailable(@Nullable String why) {
		if (this.signingUnavailableLogged.compareAndSet(false, true)) {
			logger.warn("Recording azblob:// URIs instead of SAS URLs for container '{}': {} (logged once)",
					this.container, why);
		}
	}

	/**
	 * Returns the blob name a recorded URI stands for: an {@code azblob://} URI of this
	 * uploader, or a SAS URL whose last path segment is the object name.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @return the blob name
	 * @throws IllegalArgumentException if the URI is not one of this uploader's
	 */
	String blobNameOf(String uri) {
		return this.uris.keyOf(uri);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		String blobName = this.uris.keyToUpload(uri);
		BlobContainerClient client = this.containerClient
			.getForUpload("container '" + this.container + "' of account '" + this.account + "'");
		BlockBlobClient blockBlob = client.getBlobClient(blobName).getBlockBlobClient();
		BlobHttpHeaders headers = new BlobHttpHeaders().setContentType(blob.contentType());
		Map<String, String> metadata = ObjectMetadata.fromLabels(blob.labels(), ObjectMetadata.AZURE_MAX_TOTAL_BYTES);
		String retentionClass = RetentionMarks.retentionClass(blob);
		Map<String, String> tags = (retentionClass != null) ? Map.of(RetentionMarks.TAG_KEY, retentionClass) : null;
		try {
			if (blob.size() > this.options.blockUploadThreshold()) {
				uploadBlocks(blockBlob, blob, headers, metadata, tags);
			}
			else {
				blockBlob.uploadWithResponse(
						new BlockBlobSimpleUploadOptions(BinaryData.fromByteBuffer(blob.asReadOnlyByteBuffer()))
							.setHeaders(headers)
							.setMetadata(metadata)
							.setTags(tags),
						null, Context.NONE);
			}
		}
		catch (RuntimeException ex) {
			throw classify(ex);
		}
	}

	@Override
	public String storedUnder() {
		return this.uris.uriPrefix();
	}

	/**
	 * Sets the blob's metadata to the re-using blob's labels, which moves its last
	 * modification time, from which a {@code daysAfterModificationGreaterThan} lifecycle
	 * condition counts, to now: one {@code Set Blob Metadata} request; the content and
	 * the blob index tags stay.
	 */
	@Override
	public boolean refresh(String uri, Blob blob, Instant now) throws IOException {
		String blobName = this.uris.keyToUpload(uri);
		BlobContainerClient client = this.containerClient
			.getForUpload("container '" + this.container + "' of account '" + this.account + "'");
		try {
			client.getBlobClient(blobName)
				.setMetadata(ObjectMetadata.fromLabels(blob.labels(), ObjectMetadata.AZURE_MAX_TOTAL_BYTES));
			return true;
		}
		catch (RuntimeException ex) {
			if (ex instanceof BlobStorageException storage && storage.getStatusCode() == 404
					&& storage.getErrorCode() != null && "BlobNotFound".equals(storage.getErrorCode().toString())) {
				return false;
			}
			throw classify(ex);
		}
	}

	@Override
	public void check() throws IOException {
		uploadSync(this.uris.uri(PROBE_OBJECT_NAME), StorageProbe.probeBlob());
	}

	private void uploadBlocks(BlockBlobClient blockBlob, Blob blob, BlobHttpHeaders headers,
			Map<String, String> metadata, @Nullable Map<String, String> tags) {
		ByteBuffer content = blob.asReadOnlyByteBuffer();
		int size = blob.size();
		int blockSize = (int) this.options.blockSize();
		List<String> blockIds = new ArrayList<>();
		for (int offset = 0, index = 0; offset < size; offset += blockSize, index++) {
			int length = Math.min(blockSize, size - offset);
			// Block ids must all have the same length within a blob.
			String blockId = Base64.getEncoder()
				.encodeToString(String.format(Locale.ROOT, "block-%08d", index).getBytes(StandardCharsets.US_ASCII));
			blockBlob.stageBlockWithResponse(
					new BlockBlobStageBlockOptions(blockId, BinaryData.fromByteBuffer(content.slice(offset, length))),
					null, Context.NONE);
			blockIds.add(blockId);
		}
		blockBlob.commitBlockListWithResponse(
				new BlockBlobCommitBlockListOptions(blockIds).setHeaders(headers).setMetadata(metadata).setTags(tags),
				null, Context.NONE);
	}

	/**
	 * Turns a client exception into a permanent or a retryable upload failure.
	 * @param ex what the client threw
	 * @return the exception to throw
	 */
	IOException classify(RuntimeException ex) {
		String where = "container '" + this.container + "' of account '" + this.account + "'";
		if (ex instanceof BlobStorageException storage) {
			int status = storage.getStatusCode();
			String code = (storage.getErrorCode() != null) ? storage.getErrorCode().toString() : null;
			String answer = "Azure answered " + status + ((code != null) ? " " + code : "");
			if (isPermanent(status, code)) {
				return new PermanentUploadException("Upload to " + where + " failed permanently; " + answer, ex);
			}
			return new IOException("Upload to " + where + " failed; " + answer, ex);
		}
		if (ex instanceof ClientAuthenticationException) {
			return new PermanentUploadException(
					"Upload to " + where + " failed permanently: the credentials were refused: " + ex.getMessage(), ex);
		}
		return new IOException("Upload to " + where + " failed: " + ex, ex);
	}

	static boolean isPermanent(int status, @Nullable String code) {
		return StorageErrors.isPermanent(status, code, RETRYABLE_CODES);
	}

	@Override
	public String toString() {
		return "AzureBlobUploader[" + this.uris.uriPrefix() + "]";
	}

}
