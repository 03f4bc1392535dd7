package io.github.blobupload.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.MediaOffloader;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of blob uploading ({@code blob.upload.*}).
 */
@ConfigurationProperties("blob.upload")
public class BlobUploadProperties {

	/** The URI prefix used when uploading is enabled and no prefix is set. */
	public static final String DEFAULT_URI_PREFIX = "file:blob-uploads";

	/**
	 * Whether to upload blobs. Off by default: uploading copies user content (prompts,
	 * images, documents, audio) to storage. When off, every uploader returns /dev/null.
	 */
	private boolean enabled = false;

	/**
	 * Where blobs are written: a URI prefix whose scheme selects the storage provider,
	 * such as file:///var/lib/app/blobs, s3://bucket/prefix, gs://bucket/prefix or
	 * azblob://account/container/prefix. Defaults to a 'blob-uploads' folder in the
	 * working directory (file:blob-uploads).
	 */
	private @Nullable String uriPrefix;

	/** Largest blob accepted; larger blobs are refused, counted and not uploaded. */
	private DataSize maxBlobSize = DataSize.ofMegabytes(20);

	/**
	 * How object names are chosen: 'content-addressed' (SHA-256 of the content, so the
	 * same bytes are stored once) or 'uuid' (random, no hashing on the caller's thread).
	 */
	private Naming naming = Naming.CONTENT_ADDRESSED;

	/**
	 * Number of recently uploaded destinations remembered so that the same content is
	 * not uploaded again; 0 turns deduplication off.
	 */
	private int dedupeCacheSize = 10_000;

	/**
	 * How long the application's shutdown waits for queued blobs to be uploaded; what is
	 * not uploaded by then is counted as dropped and reported in one log line.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/** Shortest interval between two log lines about the same kind of problem. */
	private Duration logInterval = Duration.ofSeconds(30);

	private final Queue queue = new Queue();

	private final Worker worker = new Worker();

	private final Retry retry = new Retry();

	private final SignedUrls signedUrls = new SignedUrls();

	private final S3 s3 = new S3();

	private final Azure azure = new Azure();

	private final Health health = new Health();

	private final Observations observations = new Observations();

	private final Gcs gcs = new Gcs();

	private final Ai ai = new Ai();

	/**
	 * Use cases (such as chat.input or image.output) with settings of their own, by name.
	 * A use case without a uri-prefix is written to a folder of its name under the
	 * default prefix. Use cases not listed here go to the default prefix.
	 */
	private final Map<String, UseCase> useCases = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUriPrefix() {
		return this.uriPrefix;
	}

	public void setUriPrefix(@Nullable String uriPrefix) {
		this.uriPrefix = uriPrefix;
	}

	public DataSize getMaxBlobSize() {
		return this.maxBlobSize;
	}

	public void setMaxBlobSize(DataSize maxBlobSize) {
		this.maxBlobSize = maxBlobSize;
	}

	public Naming getNaming() {
		return this.naming;
	}

	public void setNaming(Naming naming) {
		this.naming = naming;
	}

	public int getDedupeCacheSize() {
		return this.dedupeCacheSize;
	}

	public void setDedupeCacheSize(int dedupeCacheSize) {
		this.dedupeCacheSize = dedupeCacheSize;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Duration getLogInterval() {
		return this.logInterval;
	}

	public void setLogInterval(Duration logInterval) {
		this.logInterval = logInterval;
	}

	public Queue getQueue() {
		return this.queue;
	}

	public Worker getWorker() {
		return this.worker;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public SignedUrls getSignedUrls() {
		return this.signedUrls;
	}

	public Gcs getGcs() {
		return this.gcs;
	}

	public S3 getS3() {
		return this.s3;
	}

	public Azure getAzure() {
		return this.azure;
	}

	public Ai getAi() {
		return this.ai;
	}

	public Map<String, UseCase> getUseCases() {
		return this.useCases;
	}

	/** How object names are chosen. */
	public enum Naming {

		/** SHA-256 of the content plus the content type's extension. */
		CONTENT_ADDRESSED,

		/** A random UUID plus the content type's extension. */
		UUID

	}

	/** The upload queue, shared by the workers of one uploader. */
	public static class Queue {

		/** Most blobs waiting to be uploaded; further blobs are refused and counted. */
		private int maxSize = 1000;

		/**
		 * Most bytes held by blobs waiting or being uploaded; further blobs are refused
		 * and counted. Bounds the memory the uploader can hold.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(100);

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

	}

	/** The upload workers. */
	public static class Worker {

		/** Number of upload worker threads per uploader. */
		private int threads = 2;

		/** Longest time one upload attempt may take before it is abandoned and retried. */
		private Duration uploadTimeout = Duration.ofSeconds(30);

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public Duration getUploadTimeout() {
			return this.uploadTimeout;
		}

		public void setUploadTimeout(Duration uploadTimeout) {
			this.uploadTimeout = uploadTimeout;
		}

	}

	/** Retries of failed uploads, with exponential backoff and jitter. */
	public static class Retry {

		/** Attempts per blob, the first included; 1 means no retry. */
		private int maxAttempts = 3;

		/** Backoff before the first retry; it doubles for each further retry. */
		private Duration initialBackoff = Duration.ofMillis(250);

		/** Longest backoff between two retries. */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Viewable links: record a time-limited HTTPS URL (S3 presigned GET, GCS V4 signed
	 * URL, Azure SAS) instead of the storage URI, for providers that support it.
	 */
	public static class SignedUrls {

		/**
		 * Whether to record time-limited signed HTTPS URLs instead of storage URIs. Anyone
		 * holding such a URL can read the object until it expires, so it is off by default.
		 */
		private boolean enabled = false;

		/** How long a signed URL stays valid. */
		private Duration expiry = Duration.ofHours(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getExpiry() {
			return this.expiry;
		}

		public void setExpiry(Duration expiry) {
			this.expiry = expiry;
		}

	}

	/**
	 * The s3:// provider (needs software.amazon.awssdk:s3). Used only when the
	 * application has no S3Client bean of its own; the client is built on first upload
	 * from these settings and the AWS SDK's default credential chain.
	 */
	public static class S3 {

		/**
		 * Endpoint of an S3-compatible store, such as http://127.0.0.1:9000 for MinIO.
		 * Defaults to the AWS endpoint of the region.
		 */
		private @Nullable URI endpoint;

		/**
		 * AWS region, such as eu-west-1. Defaults to the SDK's region chain (AWS_REGION,
		 * the profile file, instance metadata).
		 */
		private @Nullable String region;

		/**
		 * Whether to address buckets as http://endpoint/bucket rather than
		 * http://bucket.endpoint, as most S3-compatible stores need.
		 */
		private boolean pathStyleAccess = false;

		/**
		 * Server-side encryption requested with each object: 'bucket-default' (send
		 * nothing), 'aes256' (SSE-S3) or 'aws-kms' (SSE-KMS, see kms-key-id).
		 */
		private ServerSideEncryption serverSideEncryption = ServerSideEncryption.BUCKET_DEFAULT;

		/**
		 * KMS key id or ARN for 'aws-kms' encryption. Defaults to the AWS managed key
		 * (aws/s3).
		 */
		private @Nullable String kmsKeyId;

		/** Blobs larger than this are sent as a multipart upload; at least 5MB. */
		private DataSize multipartThreshold = DataSize.ofMegabytes(16);

		/** Size of each part of a multipart upload; at least 5MB. */
		private DataSize partSize = DataSize.ofMegabytes(8);

		public @Nullable URI getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable String getRegion() {
			return this.region;
		}

		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		public boolean isPathStyleAccess() {
			return this.pathStyleAccess;
		}

		public void setPathStyleAccess(boolean pathStyleAccess) {
			this.pathStyleAccess = pathStyleAccess;
		}

		public ServerSideEncryption getServerSideEncryption() {
			return this.serverSideEncryption;
		}

		public void setServerSideEncryption(ServerSideEncryption serverSideEncryption) {
			this.serverSideEncryption = serverSideEncryption;
		}

		public @Nullable String getKmsKeyId() {
			return this.kmsKeyId;
		}

		public void setKmsKeyId(@Nullable String kmsKeyId) {
			this.kmsKeyId = kmsKeyId;
		}

		public DataSize getMultipartThreshold() {
			return this.multipartThreshold;
		}

		public void setMultipartThreshold(DataSize multipartThreshold) {
			this.multipartThreshold = multipartThreshold;
		}

		public DataSize getPartSize() {
			return this.partSize;
		}

		public void setPartSize(DataSize partSize) {
			this.partSize = partSize;
		}

		/** Server-side encryption of S3 objects. */
		public enum ServerSideEncryption {

			/** Send no encryption header: the bucket's default encryption applies. */
			BUCKET_DEFAULT,

			/** SSE-S3: keys managed by S3 ({@code AES256}). */
			AES256,

			/** SSE-KMS: a KMS key ({@code aws:kms}). */
			AWS_KMS

		}

	}

	/**
	 * The azblob:// provider (needs com.azure:azure-storage-blob). Used only when the
	 * application has no BlobServiceClient bean of its own; the client is built on first
	 * upload from these settings.
	 */
	public static class Azure {

		/**
		 * Blob service endpoint, such as http://127.0.0.1:10000/devstoreaccount1 for
		 * Azurite. Defaults to https://ACCOUNT.blob.core.windows.net for the account named
		 * in the prefix, or the endpoint of the connection string.
		 */
		private @Nullable String endpoint;

		/**
		 * Storage connection string (account name and key, or a SAS). When not set, the
		 * client authenticates with Microsoft Entra ID through DefaultAzureCredential,
		 * which needs com.azure:azure-identity.
		 */
		private @Nullable String connectionString;

		/** Encryption scope to write blobs with. Defaults to the container's default. */
		private @Nullable String encryptionScope;

		/** Blobs larger than this are staged as blocks rather than sent in one request. */
		private DataSize blockUploadThreshold = DataSize.ofMegabytes(16);

		/** Size of each staged block. */
		private DataSize blockSize = DataSize.ofMegabytes(8);

		public @Nullable String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable String endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable String getConnectionString() {
			return this.connectionString;
		}

		public void setConnectionString(@Nullable String connectionString) {
			this.connectionString = connectionString;
		}

		public @Nullable String getEncryptionScope() {
			return this.encryptionScope;
		}

		public void setEncryptionScope(@Nullable String encryptionScope) {
			this.encryptionScope = encryptionScope;
		}

		public DataSize getBlockUploadThreshold() {
			return this.blockUploadThreshold;
		}

		public void setBlockUploadThreshold(DataSize blockUploadThreshold) {
			this.blockUploadThreshold = blockUploadThreshold;
		}

		public DataSize getBlockSize() {
			return this.blockSize;
		}

		public void setBlockSize(DataSize blockSize) {
			this.blockSize = blockSize;
		}

	}

	/**
	 * Spring AI integration: offloads the media of prompts and responses (images,
	 * documents, audio) and records their URIs on the model's span. Active only when
	 * uploading is enabled and Spring AI is on the classpath.
	 */
	public static class Ai {

		/** Whether to offload Spring AI media and record it on spans. */
		private boolean enabled = true;

		/**
		 * Whether to record message text (prompts, completions, tool-call arguments) on
		 * spans next to the media. Off by default: it is sensitive user content; a
		 * warning is logged at startup when on.
		 */
		private boolean captureContent = false;

		/**
		 * Media smaller than this is kept inline on the span (as base64) instead of
		 * being uploaded. 0 uploads every piece of media.
		 */
		private DataSize inlineBudget = DataSize.ofBytes(0);

		/**
		 * Whether to skip uploads for spans that are not sampled, so that the upload
		 * cost follows the tracing sample rate.
		 */
		private boolean uploadOnlyWhenSampled = true;

		/**
		 * Span attribute layouts to write: 'semconv' (OpenTelemetry GenAI
		 * gen_ai.input.messages / gen_ai.output.messages) and/or 'openinference'
		 * (llm.input_messages.*, for Arize Phoenix).
		 */
		private Set<AttributeLayout> layouts = EnumSet.of(AttributeLayout.SEMCONV);

		private final Advisor advisor = new Advisor();

		private final Pcm pcm = new Pcm();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isCaptureContent() {
			return this.captureContent;
		}

		public void setCaptureContent(boolean captureContent) {
			this.captureContent = captureContent;
		}

		public DataSize getInlineBudget() {
			return this.inlineBudget;
		}

		public void setInlineBudget(DataSize inlineBudget) {
			this.inlineBudget = inlineBudget;
		}

		public boolean isUploadOnlyWhenSampled() {
			return this.uploadOnlyWhenSampled;
		}

		public void setUploadOnlyWhenSampled(boolean uploadOnlyWhenSampled) {
			this.uploadOnlyWhenSampled = uploadOnlyWhenSampled;
		}

		public Set<AttributeLayout> getLayouts() {
			return this.layouts;
		}

		public void setLayouts(Set<AttributeLayout> layouts) {
			this.layouts = layouts;
		}

		public Advisor getAdvisor() {
			return this.advisor;
		}

		public Pcm getPcm() {
			return this.pcm;
		}

		/** The ChatClient advisor. */
		public static class Advisor {

			/** Whether to add the offloading advisor to every auto-configured ChatClient.Builder. */
			private boolean enabled = true;

			/**
			 * Order of the advisor among the ChatClient's advisors. The default runs late,
			 * after memory and retrieval advisors, so it sees the prompt as sent.
			 */
			private int order = BlobOffloadAdvisor.DEFAULT_ORDER;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public int getOrder() {
				return this.order;
			}

			public void setOrder(int order) {
				this.order = order;
			}

		}

		/** Raw PCM audio (audio/pcm, audio/L16), wrapped as WAV before upload. */
		public static class Pcm {

			/** Sample rate of PCM audio whose content type gives no 'rate' parameter. */
			private int sampleRate = MediaOffloader.DEFAULT_PCM_SAMPLE_RATE;

			/** Channels of PCM audio whose content type gives no 'channels' parameter. */
			private int channels = 1;

			public int getSampleRate() {
				return this.sampleRate;
			}

			public void setSampleRate(int sampleRate) {
				this.sampleRate = sampleRate;
			}

			public int getChannels() {
				return this.channels;
			}

			public void setChannels(int channels) {
				this.channels = channels;
			}

		}

	}

	/** The {@code blobUpload} actuator health contributor. */
	public static class Health {

		/**
		 * Number of uploads in a row that must fail (after their retries) for the health to
		 * turn DOWN; a success turns it UP again.
		 */
		private int failureThreshold = 5;

		/**
		 * Whether a failing store turns the application's overall health (the status of
		 * /actuator/health) DOWN, answering HTTP 503. When false, the blobUpload component
		 * reports DEGRADED instead of DOWN, a status Spring Boot's default status order
		 * leaves out of the aggregate, so that a load balancer does not take a healthy
		 * application out of rotation because its uploads fail. Readiness and liveness are
		 * not affected either way.
		 */
		private boolean affectsAggregate = false;

		private final ActiveCheck activeCheck = new ActiveCheck();

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public boolean isAffectsAggregate() {
			return this.affectsAggregate;
		}

		public void setAffectsAggregate(boolean affectsAggregate) {
			this.affectsAggregate = affectsAggregate;
		}

		public ActiveCheck getActiveCheck() {
			return this.activeCheck;
		}

		/**
		 * The active check: the health contributor writes a small private probe object
		 * (_blob-upload-health-probe, overwritten each time, never deleted) under each
		 * destination's prefix, so that a missing bucket or a lost write permission shows
		 * before a blob fails.
		 */
		public static class ActiveCheck {

			/**
			 * Whether the health contributor writes a probe object to each destination. Off
			 * by default: the health contributor then reads counters only and never
			 * contacts storage.
			 */
			private boolean enabled = false;

			/**
			 * How long the result of a check is reused: storage is written at most once
			 * per interval per destination, however often health is requested.
			 */
			private Duration interval = Duration.ofMinutes(5);

			/**
			 * Longest time a health request waits for a check; a destination that has not
			 * answered by then is reported DOWN while the check goes on in the background.
			 */
			private Duration timeout = Duration.ofSeconds(5);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getInterval() {
				return this.interval;
			}

			public void setInterval(Duration interval) {
				this.interval = interval;
			}

			public Duration getTimeout() {
				return this.timeout;
			}

			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

		}

	}

	/** Micrometer observations of uploads. */
	public static class Observations {

		/**
		 * Whether to wrap each upload attempt in a Micrometer observation named
		 * blob.upload.attempt (a span per attempt when tracing is on, and a timer when
		 * metrics are). Off by default: it adds a span per blob. Needs an
		 * ObservationRegistry bean.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Google Cloud Storage ({@code gs://} prefixes), used when google-cloud-storage is on
	 * the class path. An application's own {@code Storage} bean is used when there is one;
	 * otherwise a client is built on the first upload from these settings.
	 */
	public static class Gcs {

		/**
		 * Project id of the client built by the starter. Defaults to the one found in the
		 * environment; uploading to an existing bucket does not need it.
		 */
		private @Nullable String projectId;

		/**
		 * Endpoint of the client built by the starter, such as http://127.0.0.1:4443 for
		 * an emulator (the port is kept). Defaults to the public Google Cloud Storage
		 * endpoint.
		 */
		private @Nullable String endpoint;

		/**
		 * Location of a service-account key file (JSON), such as file:/secrets/key.json,
		 * used by the client built by the starter and to sign URLs. Defaults to
		 * Application Default Credentials.
		 */
		private @Nullable Resource credentialsLocation;

		/**
		 * Whether the client built by the starter sends requests without credentials, for
		 * emulators only.
		 */
		private boolean anonymous = false;

		/**
		 * Cloud KMS key that encrypts the uploaded objects, such as
		 * projects/P/locations/L/keyRings/R/cryptoKeys/K. Defaults to the bucket's default
		 * encryption.
		 */
		private @Nullable String kmsKeyName;

		/**
		 * Smallest blob uploaded with a resumable upload (several requests, sent in
		 * chunks) rather than a single request.
		 */
		private DataSize resumableThreshold = DataSize.ofMegabytes(8);

		public @Nullable String getProjectId() {
			return this.projectId;
		}

		public void setProjectId(@Nullable String projectId) {
			this.projectId = projectId;
		}

		public @Nullable String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable String endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable Resource getCredentialsLocation() {
			return this.credentialsLocation;
		}

		public void setCredentialsLocation(@Nullable Resource credentialsLocation) {
			this.credentialsLocation = credentialsLocation;
		}

		public boolean isAnonymous() {
			return this.anonymous;
		}

		public void setAnonymous(boolean anonymous) {
			this.anonymous = anonymous;
		}

		public @Nullable String getKmsKeyName() {
			return this.kmsKeyName;
		}

		public void setKmsKeyName(@Nullable String kmsKeyName) {
			this.kmsKeyName = kmsKeyName;
		}

		public DataSize getResumableThreshold() {
			return this.resumableThreshold;
		}

		public void setResumableThreshold(DataSize resumableThreshold) {
			this.resumableThreshold = resumableThreshold;
		}

	}

	/** Settings of one use case. */
	public static class UseCase {

		/** Whether blobs of this use case are uploaded (when uploading is enabled at all). */
		private boolean enabled = true;

		/**
		 * Where blobs of this use case are written. Defaults to a folder named after the
		 * use case under the default prefix.
		 */
		private @Nullable String uriPrefix;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getUriPrefix() {
			return this.uriPrefix;
		}

		public void setUriPrefix(@Nullable String uriPrefix) {
			this.uriPrefix = uriPrefix;
		}

	}

}
