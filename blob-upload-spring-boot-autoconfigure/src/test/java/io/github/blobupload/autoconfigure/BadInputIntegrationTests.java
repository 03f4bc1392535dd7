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

package io.github.blobupload.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobProperties;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.autoconfigure.ai.BlobUploadSpringAiAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.provider.internal.ObjectMetadata;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.S3Emulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input, through the real auto-configuration: malformed data URIs, empty and
 * over-limit blobs, hostile labels and content types (read back from s3proxy, Azurite and
 * the file: sidecar), hostile use-case names, and URI prefixes that name no storage. None
 * of it may throw into the caller, leak content into logs, or write outside the
 * configured prefix.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	/** Marks content in the inputs: it must never appear in a log line or message. */
	private static final String SECRET = "SeCrEtPaYlOaD";

	private static final String CONTAINER = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String BUCKET = CONTAINER;

	private static S3Emulator s3;

	private static AzuriteEmulator azurite;

	@TempDir
	static Path folder;

	@BeforeAll
	static void startStorage() {
		s3 = S3Emulator.shared();
		s3.createBucket(BUCKET);
		azurite = AzuriteEmulator.shared();
		azurite.createContainer(CONTAINER);
	}

	static Stream<Arguments> malformedDataUris() {
		String hugeBase64 = Base64.getEncoder().encodeToString(new byte[3 * 1024 * 1024]);
		return Stream.of(
				Arguments.of("no comma", "data:image/png;base64" + SECRET,
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("bad base64", "data:image/png;base64,!!" + SECRET + "!!",
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("unknown encoding", "data:image/png;base32," + SECRET,
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("broken percent-encoding", "data:text/plain," + SECRET + "%zz",
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("no subtype", "data:image;base64," + SECRET,
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("header injection in a parameter",
						"data:image/png;name=x\r\nX-Injected: 1;base64,"
								+ Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
						MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, null),
				Arguments.of("empty data", "data:image/png;base64,", MediaOffloadOutcome.REFUSED_EMPTY, null),
				Arguments.of("over the size limit", "data:audio/wav;base64," + hugeBase64,
						MediaOffloadOutcome.REFUSED_BY_UPLOADER, DropReason.TOO_LARGE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedDataUris")
	void malformedDataUrisAreRefusedAndCountedWithoutThrowingOrLeakingTheirData(String name, String uri,
			MediaOffloadOutcome outcome, DropReason dropReason, CapturedOutput output) {
		s3Runner("data-uris").withConfiguration(AutoConfigurations.of(BlobUploadSpringAiAutoConfiguration.class))
			.withPropertyValues("blob.upload.max-blob-size=2MB")
			.run((context) -> {
				MediaOffloader offloader = context.getBean(MediaOffloader.class);

				OffloadedMedia media = offloader.offload(uri, "image/png", AiUseCases.CHAT_INPUT, SpanInfo.NONE, 0, 0);

				assertThat(media.status()).isEqualTo(OffloadedMedia.Status.REFUSED);
				assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
				assertThat(offloader.count(outcome)).isEqualTo(1);
				BlobUploadStats stats = stats(context.getBean(BlobUploaderRegistry.class), AiUseCases.CHAT_INPUT);
				assertThat(stats.droppedTotal()).isEqualTo((dropReason != null) ? 1 : 0);
				if (dropReason != null) {
					assertThat(stats.dropped(dropReason)).isEqualTo(1);
				}
			});
		if (outcome == MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI) {
			assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri(uri))
				.withMessageStartingWith("Malformed data URI")
				.withMessageNotContaining(SECRET)
				.withMessageNotContaining("\r")
				.withMessageNotContaining("\n");
		}
		assertThat(output).doesNotContain(SECRET).doesNotContain("X-Injected");
	}

	static Map<String, String> hostileLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("../../etc/passwd", "../../../root");
		labels.put("a/b", "c/d");
		labels.put("new\nline", "value\r\nX-Injected: yes");
		labels.put("nul\0key", "nul\0value");
		labels.put("rtl\u202ekey", "gnp.exe\u202etxt");
		labels.put("café", "日本語 ✓ café");
		labels.put("", "");
		labels.put("long-" + "k".repeat(10_000), "v".repeat(10_000));
		for (int i = 0; i < 100; i++) {
			labels.put("filler_" + i, "x".repeat(100));
		}
		return labels;
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void hostileLabelsAreStoredSanitisedAndHostileContentTypesRefused(Store store, CapturedOutput output) {
		byte[] content = ("labelled " + store).getBytes(StandardCharsets.UTF_8);
		store.runner("labels").run((context) -> {
			BlobUploader uploader = context.getBean(BlobUploader.class);
			String labelled = uploader.uploadAsync(new Blob(content, "image/png", hostileLabels()));
			String withBadType = uploader.uploadAsync(new Blob(content, "image/png\r\nX-Injected: yes", null));

			assertThat(context.getBean(BlobUploaderRegistry.class).flush(FLUSH)).isTrue();
			BlobUploadStats stats = stats(context.getBean(BlobUploaderRegistry.class), null);
			assertThat(stats.uploaded()).as("%s", stats).isEqualTo(1);
			assertThat(withBadType).isEqualTo(BlobUploader.NOT_UPLOADED);
			assertThat(stats.dropped(DropReason.INVALID)).isEqualTo(1);
			assertThat(labelled).startsWith(store.prefix("labels") + "/");
			assertThat(labelled.substring(store.prefix("labels").length() + 1)).matches("[0-9a-f]{64}\\.png");
			Stored stored = store.read(labelled);
			assertThat(stored.content()).isEqualTo(content);
			assertThat(stored.contentType()).isEqualTo("image/png");
			store.assertSanitised(stored.metadata());
		});
		assertThat(output).doesNotContain("X-Injected");
	}

	static Stream<Arguments> useCaseNames() {
		return Stream.of(Arguments.of("../../etc", "etc"), Arguments.of("chat/../input", "chat-input"),
				Arguments.of("a\nb\rc\0d", "a-b-c-d"), Arguments.of("rtl\u202eevil", "rtl-evil"),
				Arguments.of("Chat.Input", "chat-input"), Arguments.of("x".repeat(64), "x".repeat(64)));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("useCaseNames")
	void useCaseNamesBecomeOneSafeFolderUnderThePrefix(String useCase, String folderName) throws Exception {
		Path root = Files.createTempDirectory(folder, "use-cases");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + root.toUri())
			.withPropertyValues("blob.upload.use-cases[" + useCase + "].enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				assertThat(registry.destinations()).extracting(BlobDestination::useCase).contains(folderName);
				String uri = registry.getBlobUploader(useCase)
					.uploadAsync(new Blob(new byte[] { 1, 2, 3 }, null, null));
				assertThat(registry.flush(FLUSH)).isTrue();
				Path file = Path.of(URI.create(uri));
				assertThat(file.getParent()).isEqualTo(root.resolve(folderName));
				assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
			});
	}

	static Stream<Arguments> unusableUseCaseNames() {
		return Stream.of(Arguments.of("../..", "must contain a letter or digit"),
				Arguments.of("\u202e\n", "must contain a letter or digit"),
				Arguments.of("default", "must not be 'default'"),
				Arguments.of("x".repeat(10_000), "at most 64 characters"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("unusableUseCaseNames")
	void unusableUseCaseNamesFailStartupNamingTheProperty(String useCase, String reason) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + folder.toUri())
			.withPropertyValues("blob.upload.use-cases[" + useCase + "].enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.use-cases.")
				.hasMessageContaining(reason));
	}

	static Stream<Arguments> prefixesThatNameNoStorage() {
		return Stream.of(Arguments.of("ftp://x", "No storage provider serves the scheme 'ftp:'"),
				Arguments.of("s3://", "names no bucket"), Arguments.of("s3:///x", "names no bucket"),
				Arguments.of("gs://", "names no bucket"), Arguments.of("gs:///x", "names no bucket"),
				Arguments.of("azblob://account", "must name a storage account and a container"),
				Arguments.of("azblob://", "must name a storage account and a container"),
				Arguments.of("azblob:///container", "must name a storage account and a container"),
				Arguments.of("s3://bucket/../x", "must be made of segments"),
				Arguments.of("s3://bucket/a\nb", "must be made of segments"),
				Arguments.of("gs://bucket/a b", "must be made of segments"),
				Arguments.of("no-scheme", "must start with a scheme"), Arguments.of("s3:", "not an s3:// prefix"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("prefixesThatNameNoStorage")
	void prefixesThatNameNoStorageFailStartupNamingThePropertyAndTheValue(String prefix, String reason) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class,
							GcsStorageAutoConfiguration.class, AzureStorageAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + prefix)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("Property blob.upload.uri-prefix with value '" + prefix + "' is invalid")
					.hasMessageContaining(reason);
				Throwable cause = context.getStartupFailure();
				while (cause != null) {
					assertThat(cause).isNotInstanceOf(NullPointerException.class);
					cause = cause.getCause();
				}
			});
	}

	private static ApplicationContextRunner s3Runner(String path) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class))
			.withPropertyValues(s3.starterProperties())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://" + BUCKET + "/" + path);
	}

	private static BlobUploadStats stats(BlobUploaderRegistry registry, String useCase) {
		return ((ManagedBlobUploader) registry.getBlobUploader(useCase)).stats();
	}

	/** What a store holds for one object. */
	record Stored(byte[] content, String contentType, Map<String, String> metadata) {
	}

	/** The stores, each read back through its own client. */
	enum Store {

		S3((path) -> "s3://" + BUCKET + "/" + path) {

			@Override
			ApplicationContextRunner runner(String path) {
				return s3Runner(path);
			}

			@Override
			Stored read(String uri) {
				String key = uri.substring(("s3://" + BUCKET + "/").length());
				HeadObjectResponse head = s3.client().headObject((request) -> request.bucket(BUCKET).key(key));
				return new Stored(s3.read(BUCKET, key), head.contentType(), head.metadata());
			}

			@Override
			void assertSanitised(Map<String, String> metadata) {
				assertPrintableAsciiWithin(metadata, ObjectMetadata.S3_MAX_TOTAL_BYTES);
			}

		},

		AZURE((path) -> "azblob://" + AzuriteEmulator.ACCOUNT + "/" + CONTAINER + "/" + path) {

			@Override
			ApplicationContextRunner runner(String path) {
				return new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
							AzureStorageAutoConfiguration.class))
					.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + prefix(path),
							"blob.upload.azure.connection-string=" + azurite.connectionString());
			}

			@Override
			Stored read(String uri) {
				String name = uri.substring(prefix("").length());
				BlobClient blob = azurite.client().getBlobContainerClient(CONTAINER).getBlobClient(name);
				BlobProperties properties = blob.getProperties();
				return new Stored(blob.downloadContent().toBytes(), properties.getContentType(),
						properties.getMetadata());
			}

			@Override
			void assertSanitised(Map<String, String> metadata) {
				assertPrintableAsciiWithin(metadata, ObjectMetadata.AZURE_MAX_TOTAL_BYTES);
			}

		},

		FILE((path) -> folder.resolve(path).toUri().toString().replaceAll("/$", "")) {

			@Override
			ApplicationContextRunner runner(String path) {
				return new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
					.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + prefix(path));
			}

			@Override
			Stored read(String uri) throws Exception {
				Path file = Path.of(URI.create(uri));
				String sidecar = Files
					.readString(file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX));
				String contentType = sidecar.replaceAll("(?s).*\"contentType\":\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
				return new Stored(Files.readAllBytes(file), contentType, Map.of("sidecar", sidecar));
			}

			@Override
			void assertSanitised(Map<String, String> metadata) {
				// The sidecar keeps every label as given, as JSON: escaped, never raw
				// control
				// characters, and its keys cannot name a path.
				String sidecar = metadata.get("sidecar");
				assertThat(sidecar.substring(0, sidecar.length() - 1).chars()).noneMatch((c) -> c < 0x20);
				assertThat(sidecar).contains("\"new\\nline\":\"value\\r\\nX-Injected: yes\"")
					.contains("\"nul\\u0000key\":\"nul\\u0000value\"");
			}

		};

		private final Function<String, String> prefix;

		Store(Function<String, String> prefix) {
			this.prefix = prefix;
		}

		String prefix(String path) {
			return this.prefix.apply(path);
		}

		abstract ApplicationContextRunner runner(String path);

		abstract Stored read(String uri) throws Exception;

		abstract void assertSanitised(Map<String, String> metadata);

		static void assertPrintableAsciiWithin(Map<String, String> metadata, int maxTotalBytes) {
			assertThat(metadata).isNotEmpty();
			assertThat(metadata.keySet()).allMatch((key) -> key.matches("[a-z_][a-z0-9_]{0,63}"));
			assertThat(metadata.values()).allMatch((value) -> value.chars().allMatch((c) -> c >= 0x20 && c < 0x7F));
			assertThat(metadata.entrySet().stream().mapToInt((e) -> e.getKey().length() + e.getValue().length()).sum())
				.isLessThanOrEqualTo(maxTotalBytes);
			assertThat(metadata).containsEntry("______etc_passwd", "../../../root")
				.containsEntry("new_line", "value%0D%0AX-Injected: yes")
				.containsEntry("nul_key", "nul%00value")
				.containsEntry("caf_", "%E6%97%A5%E6%9C%AC%E8%AA%9E %E2%9C%93 caf%C3%A9");
		}

	}

}
