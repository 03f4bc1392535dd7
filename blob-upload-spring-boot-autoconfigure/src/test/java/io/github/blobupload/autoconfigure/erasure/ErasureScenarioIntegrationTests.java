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

package io.github.blobupload.autoconfigure.erasure;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntSupplier;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.Kept;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.erasure.store.StoreBlobErasure;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.FaultInjector;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import io.github.blobupload.viewer.IndexedBlob;
import io.github.blobupload.viewer.StoreTraceIndex;
import io.github.blobupload.viewer.TraceIndexWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure scenario of issue 21 on every real store ({@code file:}, S3 on s3proxy,
 * Azure on Azurite, Google Cloud Storage on Google's in-memory fake), through the
 * starter's auto-configuration with erasure and the viewer's trace index on: two
 * conversations share one image and each has its own audio and {@code refs} files;
 * erasing one keeps the shared image and the other's content, erasing the other removes
 * the image too; by conversation, by owner and by trace. The requests of erasing one
 * conversation are counted on each store's wire (or at its client) and printed. Owners
 * come from a {@link BlobOwnerResolver} bean reading the caller's thread.
 * <p>
 * The grace period is the default, 15 minutes. Each erasure first runs as the uploads
 * finish, and must keep everything as recent; then the erasure's clock (the
 * {@code blobErasureClock} bean) is moved past the window. The memos that let an upload
 * be skipped trust their entries for half the window of real time, so an upload of the
 * erased image after the erasure is written again only because the erasure made them
 * forget.
 */
class ErasureScenarioIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static final String SERVICE = "chat-app";

	/** Google's in-memory fake, one store for the whole class. */
	private static final Storage GCS_FAKE = LocalStorageHelper.customOptions(false).getService();

	private static final Map<Store, String> summaries = new TreeMap<>();

	/** The erasure's clock: the system's, moved past the grace period by hand. */
	private static final AheadClock erasureClock = new AheadClock();

	/** The owner of the current call, as an application's security context holds it. */
	private static final ThreadLocal<String> currentOwner = new ThreadLocal<>();

	@TempDir
	static Path folder;

	@AfterAll
	static void printSummaries() {
		summaries.values().forEach(System.out::println);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void sharedImageScenarioByConversationOwnerAndTrace(Store store) throws Exception {
		try (Wire wire = store.wire()) {
			String bucket = UploadProbe.newBucketName("erasure");
			ApplicationContextRunner storeRunner = wire.runner(bucket);
			long started = System.nanoTime();
			storeRunner
				.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
						BlobUploadErasureAutoConfiguration.class, BlobUploadViewerAutoConfiguration.class))
				.withPropertyValues("blob.upload.enabled=true", "spring.application.name=" + SERVICE,
						"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=50ms",
						"blob.upload.erasure.enabled=true",
						"blob.upload.erasure.secret=scenario-secret-of-at-least-32-bytes",
						"blob.upload.viewer.enabled=true")
				.withBean(BlobOwnerResolver.class, () -> currentOwner::get)
				.withBean(BlobUploadErasureAutoConfiguration.CLOCK_BEAN_NAME, Clock.class, () -> erasureClock)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					Scenario scenario = new Scenario(context);

					Conversations byConversation = scenario.upload("conv");
					ErasureReceipt receipt = scenario.eraseAThenB(byConversation,
							ErasureSelector.conversation(byConversation.a().conversationId()),
							ErasureSelector.conversation(byConversation.b().conversationId()), wire);
					Map<String, Integer> requests = wire.counted();

					scenario.uploadingTheImageAgainWritesIt();

					Conversations byOwner = scenario.upload("owner");
					scenario.eraseAThenB(byOwner, ErasureSelector.owner("alice"), ErasureSelector.owner("bob"), null);

					Conversations byTrace = scenario.upload("trace");
					scenario.eraseAThenB(byTrace, ErasureSelector.trace(byTrace.a().traceId()),
							ErasureSelector.trace(byTrace.b().traceId()), null);
					summaries.put(store, summary(store, receipt, requests, started));
				});
		}
	}

	private static String summary(Store store, ErasureReceipt receipt, Map<String, Integer> requests, long started) {
		return "Erasure scenario [" + store + "] erase conversation A: deleted=" + receipt.deleted().size() + " kept="
				+ receipt.kept().size() + " (" + receipt.kept().get(0).reason() + ") failed=" + receipt.failed().size()
				+ " requests=" + requests.values().stream().mapToInt(Integer::intValue).sum() + " " + requests
				+ "; whole scenario " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
	}

	/** The steps of the scenario, in one running context. */
	private static final class Scenario {

		private final ManagedBlobUploader engine;

		private final BlobUploaderRegistry registry;

		private final BlobReader reader;

		private final BlobErasure erasure;

		private final StoreTraceIndex traces;

		private final OwnerLabels owners;

		private final AssertableApplicationContext context;

		Scenario(AssertableApplicationContext context) {
			this.context = context;
			this.registry = context.getBean(BlobUploaderRegistry.class);
			this.engine = (ManagedBlobUploader) this.registry.getBlobUploader(null);
			this.reader = this.engine.blobReader().orElseThrow();
			this.erasure = context.getBean(BlobErasure.class);
			this.traces = context.getBean(StoreTraceIndex.class);
			this.owners = context.getBean(OwnerLabels.class);
		}

		/**
		 * Uploads conversation A (alice's) and B (bob's), sharing one image, each with
		 * its own audio and {@code refs} files, then flushes the engines and the indexes.
		 */
		Conversations upload(String name) throws IOException {
			Conversation a = new Conversation(name + "-a-" + UUID.randomUUID(), traceId(), "alice", (byte) 1);
			Conversation b = new Conversation(name + "-b-" + UUID.randomUUID(), traceId(), "bob", (byte) 2);
			Map<Conversation, List<String>> uris = new HashMap<>();
			String image = null;
			for (Conversation conversation : List.of(a, b)) {
				currentOwner.set(conversation.owner());
				Map<String, String> labels = labels(conversation);
				image = storage(upload(AiUseCases.CHAT_INPUT, new Blob(SampleContent.png(), "image/png", labels)));
				String audio = storage(
						upload(AiUseCases.AUDIO_INPUT, new Blob(conversation.wav(), "audio/wav", labels)));
				String call = UUID.randomUUID().toString();
				String inputs = storage(upload(AiUseCases.REFS, refsFile(conversation, call + "_inputs.json",
						"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}]}]\n")));
				String outputs = storage(upload(AiUseCases.REFS, refsFile(conversation, call + "_outputs.json",
						"[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]\n")));
				uris.put(conversation, List.of(audio, inputs, outputs));
				currentOwner.remove();
			}
			flush();
			Conversations conversations = new Conversations(a, b, image, uris.get(a), uris.get(b));
			try (StoredBlob audio = this.reader.open(uris.get(a).get(0), null).orElseThrow()) {
				assertThat(audio.labels()).as("the owner label, keyed")
					.containsEntry(BlobOwnerResolver.OWNER_LABEL, this.owners.labelValue("alice"))
					.doesNotContainValue("alice");
			}
			assertThat(this.traces.find(a.traceId())).hasSize(4);
			assertThat(this.traces.find(b.traceId())).hasSize(4);
			return conversations;
		}

		/**
		 * Erases A (a dry run first), then B; returns A's receipt and counts A's real
		 * erasure on the wire when given one.
		 */
		ErasureReceipt eraseAThenB(Conversations conversations, ErasureSelector a, ErasureSelector b, Wire wire)
				throws IOException {
			Conversation convA = conversations.a();
			Conversation convB = conversations.b();
			List<IndexedBlob> tracePageOfB = this.traces.find(convB.traceId());
			// Just written: within the grace period, everything is kept whole.
			erasureClock.ahead(Duration.ZERO);
			ErasureReceipt tooSoon = this.erasure.erase(a, false);
			assertThat(tooSoon.deleted()).isEmpty();
			assertThat(tooSoon.kept()).extracting(Kept::reason).isNotEmpty().containsOnly(KeptReason.RECENT);
			assertThat(tooSoon.complete()).isFalse();
			assertThat(exists(conversations.ofA().get(0))).as("nothing deleted within the grace period").isTrue();
			erasureClock.ahead(StoreBlobErasure.DEFAULT_GRACE_PERIOD.plusMinutes(1));
			ErasureReceipt dryRun = this.erasure.erase(a, true);
			assertThat(dryRun.dryRun()).isTrue();
			assertThat(dryRun.deleted()).containsExactlyInAnyOrderElementsOf(conversations.ofA());
			assertThat(dryRun.kept()).containsExactly(new Kept(conversations.image(), KeptReason.SHARED));
			assertThat(dryRun.failed()).isEmpty();
			assertThat(exists(conversations.ofA().get(0))).as("nothing deleted by the dry run").isTrue();

			if (wire != null) {
				wire.mark();
			}
			ErasureReceipt receipt = this.erasure.erase(a, false);
			if (wire != null) {
				wire.count();
			}
			assertThat(receipt.deleted()).containsExactlyInAnyOrderElementsOf(dryRun.deleted());
			assertThat(receipt.kept()).isEqualTo(dryRun.kept());
			assertThat(receipt.failed()).isEmpty();
			assertThat(receipt.complete()).isTrue();
			for (String uri : conversations.ofA()) {
				assertThat(exists(uri)).as("%s of A", uri).isFalse();
			}
			assertThat(exists(conversations.image())).as("the shared image").isTrue();
			for (String uri : conversations.ofB()) {
				assertThat(exists(uri)).as("%s of B", uri).isTrue();
			}
			assertThat(this.traces.find(convA.traceId())).as("A's trace page").isEmpty();
			assertThat(this.traces.find(convB.traceId())).as("B's trace page").isEqualTo(tracePageOfB);
			assertThat(references(convA)).as("A's references").isEmpty();
			assertThat(references(convB)).as("B's references").hasSize(4);
			assertThat(referencesOf(conversations.image())).as("the image's references")
				.extracting(ReferenceRecord::traceId)
				.containsExactly(convB.traceId());
			assertThat(this.erasure.erase(a, false).deleted()).as("erasing A again").isEmpty();

			ErasureReceipt receiptOfB = this.erasure.erase(b, false);
			List<String> ofB = new ArrayList<>(conversations.ofB());
			ofB.add(conversations.image());
			assertThat(receiptOfB.deleted()).containsExactlyInAnyOrderElementsOf(ofB);
			assertThat(receiptOfB.kept()).isEmpty();
			assertThat(receiptOfB.failed()).isEmpty();
			for (String uri : ofB) {
				assertThat(exists(uri)).as("%s of B", uri).isFalse();
			}
			assertThat(this.traces.find(convB.traceId())).as("B's trace page").isEmpty();
			assertThat(this.reader.list(this.reader.uriPrefix() + ReferenceLayout.FOLDER + "/", 100))
				.as("the reference index")
				.isEmpty();
			assertThat(this.reader.list(this.reader.uriPrefix() + "_index/", 100)).as("the trace index").isEmpty();
			return receipt;
		}

		/**
		 * Uploads the erased image again: it is written again (not skipped as uploaded
		 * before), then erased.
		 */
		void uploadingTheImageAgainWritesIt() throws IOException {
			Conversation c = new Conversation("again-" + UUID.randomUUID(), traceId(), "carol", (byte) 3);
			long uploaded = this.engine.stats().uploaded();
			currentOwner.set(c.owner());
			String image = storage(
					upload(AiUseCases.CHAT_INPUT, new Blob(SampleContent.png(), "image/png", labels(c))));
			currentOwner.remove();
			flush();
			assertThat(this.engine.stats().uploaded()).isEqualTo(uploaded + 1);
			assertThat(read(image)).isEqualTo(SampleContent.png());
			assertThat(this.erasure.erase(ErasureSelector.conversation(c.conversationId()), false).deleted())
				.containsExactly(image);
		}

		/** The labels the Spring AI integration gives; the owner is the resolver's. */
		private Map<String, String> labels(Conversation conversation) {
			return Map.of(BlobLabels.TRACE_ID, conversation.traceId(), BlobLabels.SPAN_ID, conversation.spanId(),
					ReferenceIndexWriter.CONVERSATION_LABEL, conversation.conversationId());
		}

		/**
		 * A file as {@code GenAiRefsWriter} writes it: named by its object_name label.
		 */
		private Blob refsFile(Conversation conversation, String name, String json) {
			Map<String, String> labels = new HashMap<>(labels(conversation));
			labels.put(BlobLabels.OBJECT_NAME, name);
			return new Blob(json.getBytes(StandardCharsets.UTF_8), "application/json", labels);
		}

		private String upload(String useCase, Blob blob) {
			return this.registry.getBlobUploader(useCase).uploadAsync(blob);
		}

		private String storage(String uri) {
			return this.reader.storageUri(uri).orElseThrow();
		}

		private void flush() {
			assertThat(this.registry.flush(FLUSH)).isTrue();
			assertThat(this.context.getBean(TraceIndexWriter.class).flush(FLUSH)).isTrue();
			assertThat(this.context.getBean(ReferenceIndexWriter.class).flush(FLUSH)).isTrue();
			assertThat(this.engine.stats().failed()).isZero();
		}

		/** The references filed under a conversation, its trace and its owner. */
		private List<String> references(Conversation conversation) throws IOException {
			String prefix = this.reader.uriPrefix();
			Set<String> names = new LinkedHashSet<>();
			for (String folder : List.of(
					ReferenceLayout.selectorFolder(prefix, ErasureSelector.Kind.CONVERSATION,
							this.owners.keys().keyOf(conversation.conversationId())),
					ReferenceLayout.selectorFolder(prefix, ErasureSelector.Kind.TRACE, conversation.traceId()),
					ReferenceLayout.selectorFolder(prefix, ErasureSelector.Kind.OWNER,
							this.owners.keyOfOwner(conversation.owner())))) {
				this.reader.list(folder, 100).forEach((uri) -> names.add(uri.substring(uri.lastIndexOf('/') + 1)));
			}
			return List.copyOf(names);
		}

		private List<ReferenceRecord> referencesOf(String storageUri) throws IOException {
			List<ReferenceRecord> records = new ArrayList<>();
			for (String uri : this.reader.list(ReferenceLayout.objectFolder(this.reader.uriPrefix(), storageUri),
					100)) {
				records.add(ReferenceLayout.parse(new String(read(uri), StandardCharsets.UTF_8)));
			}
			return records;
		}

		private boolean exists(String uri) throws IOException {
			Optional<StoredBlob> blob = this.reader.open(uri, null);
			if (blob.isPresent()) {
				blob.get().close();
			}
			return blob.isPresent();
		}

		private byte[] read(String uri) throws IOException {
			try (StoredBlob blob = this.reader.open(uri, null).orElseThrow()) {
				return blob.content().readAllBytes();
			}
		}

		private static String traceId() {
			return UUID.randomUUID().toString().replace("-", "");
		}

	}

	/**
	 * A conversation: its id, trace, owner and the seed of its own audio.
	 */
	private record Conversation(String conversationId, String traceId, String owner, byte seed) {

		String spanId() {
			return this.traceId.substring(0, 16);
		}

		byte[] wav() {
			byte[] wav = SampleContent.wav();
			wav[wav.length - 1] = this.seed;
			return wav;
		}

	}

	/**
	 * Two conversations, the storage URI of their shared image and those of each one's
	 * own audio and {@code refs} files.
	 */
	private record Conversations(Conversation a, Conversation b, String image, List<String> ofA, List<String> ofB) {

	}

	/** Where each store is and how the requests of an erasure are counted. */
	enum Store {

		FILE {

			@Override
			Wire wire() {
				Queue<String> calls = new ConcurrentLinkedQueue<>();
				return new Wire(calls::size, (from) -> tally(calls.stream().skip(from).toList())) {

					@Override
					ApplicationContextRunner runner(String bucket) {
						return new ApplicationContextRunner()
							.withBean(BlobStorageProvider.class, () -> new CountingFiles(calls))
							.withPropertyValues("blob.upload.uri-prefix=" + folder.resolve(bucket).toUri());
					}

				};
			}

		},

		S3 {

			@Override
			Wire wire() {
				return cloud(StorageTarget.S3);
			}

		},

		AZURE {

			@Override
			Wire wire() {
				return cloud(StorageTarget.AZURE);
			}

		},

		GCS {

			@Override
			Wire wire() {
				Queue<String> calls = new ConcurrentLinkedQueue<>();
				return new Wire(calls::size, (from) -> tally(calls.stream().skip(from).toList())) {

					@Override
					ApplicationContextRunner runner(String bucket) {
						return new ApplicationContextRunner()
							.withConfiguration(AutoConfigurations.of(StorageTarget.GCS.autoConfiguration()))
							.withBean(Storage.class, () -> GCS_FAKE)
							// Erasure's own client: the uploading client is rebuilt from
							// its options (no retries), so only this one can count.
							.withBean(GcsStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, Storage.class,
									() -> recording(GCS_FAKE, calls), Store::notDefault)
							.withPropertyValues("blob.upload.uri-prefix=" + StorageTarget.GCS.uriPrefix(bucket, "app"));
					}

				};
			}

		};

		abstract Wire wire();

		/**
		 * S3 or Azure: the application uploads to the emulator, and erases through an
		 * erasure-only client bean pointed at a recording proxy in front of it, each
		 * request classified as the store acts on it (a GET with a list query is a LIST).
		 * Only the erasure's requests take the proxy's extra hop.
		 */
		private static Wire cloud(StorageTarget target) {
			FaultInjector injector = new FaultInjector(target);
			return new Wire(() -> injector.recorded().size(), (from) -> {
				List<LoggedRequest> recorded = injector.recorded();
				return tally(recorded.subList(from, recorded.size()).stream().map(Store::method).toList());
			}) {

				@Override
				ApplicationContextRunner runner(String bucket) {
					target.shared().createBucket(bucket);
					ApplicationContextRunner runner = new ApplicationContextRunner()
						.withConfiguration(AutoConfigurations.of(target.autoConfiguration()))
						.withPropertyValues("blob.upload.uri-prefix=" + target.uriPrefix(bucket, "app"))
						.withPropertyValues(target.properties(target.shared().port()).toArray(String[]::new));
					return (target == StorageTarget.S3)
							? runner.withBean(S3StorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, S3Client.class,
									() -> s3Client(injector.port()), Store::notDefault)
							: runner.withBean(AzureStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME,
									BlobServiceClient.class, () -> azureClient(injector.port()), Store::notDefault);
				}

				@Override
				public void close() {
					injector.close();
				}

			};
		}

		private static S3Client s3Client(int port) {
			return S3Client.builder()
				.endpointOverride(URI.create("http://127.0.0.1:" + port))
				.region(Region.of(S3Emulator.REGION))
				.forcePathStyle(true)
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY)))
				.build();
		}

		private static BlobServiceClient azureClient(int port) {
			return new BlobServiceClientBuilder()
				.connectionString(AzuriteEmulator.connectionString(port, AzuriteEmulator.ACCOUNT_KEY))
				.buildClient();
		}

		/** An erasure client is no default candidate: the uploads never use it. */
		private static void notDefault(BeanDefinition definition) {
			((AbstractBeanDefinition) definition).setDefaultCandidate(false);
		}

		private static String method(LoggedRequest request) {
			String method = request.getMethod().getName();
			String url = request.getUrl();
			boolean list = url.contains("list-type=") || url.contains("comp=list");
			return (list && method.equals("GET")) ? "LIST" : method;
		}

		private static Map<String, Integer> tally(List<String> calls) {
			Map<String, Integer> tally = new TreeMap<>();
			calls.forEach((call) -> tally.merge(call, 1, Integer::sum));
			return tally;
		}

	}

	/** Counts a store's requests from a mark on. */
	private abstract static class Wire implements AutoCloseable {

		private final IntSupplier position;

		private final Function<Integer, Map<String, Integer>> since;

		private int mark;

		private Map<String, Integer> counted = Map.of();

		Wire(IntSupplier position, Function<Integer, Map<String, Integer>> since) {
			this.position = position;
			this.since = since;
		}

		abstract ApplicationContextRunner runner(String bucket);

		void mark() {
			this.mark = this.position.getAsInt();
		}

		void count() {
			this.counted = this.since.apply(this.mark);
		}

		Map<String, Integer> counted() {
			return this.counted;
		}

		@Override
		public void close() {
		}

	}

	/**
	 * The {@code file:} provider, its readers and deleters recording each call
	 * ({@code list}, {@code open}, {@code lastModified}, {@code delete}).
	 */
	private static final class CountingFiles extends FileBlobStorageProvider {

		private final Queue<String> calls;

		CountingFiles(Queue<String> calls) {
			this.calls = calls;
		}

		@Override
		public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
			SimpleBlobUploader uploader = super.createUploader(uriPrefix, naming);
			return proxy(uploader, (method, result) -> switch (method) {
				case "blobReader" -> ((Optional<?>) result).map((reader) -> proxy(reader, this::counted));
				case "blobDeleter" -> ((Optional<?>) result).map((deleter) -> proxy(deleter, this::counted));
				default -> result;
			});
		}

		private Object counted(String method, Object result) {
			if (List.of("list", "open", "lastModified", "delete").contains(method)) {
				this.calls.add(method);
			}
			if (method.equals("blobReader")) {
				return ((Optional<?>) result).map((reader) -> proxy(reader, this::counted));
			}
			return result;
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(T target, BiFunction<String, Object, Object> after) {
			Set<Class<?>> interfaces = new LinkedHashSet<>();
			for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
				interfaces.addAll(List.of(type.getInterfaces()));
			}
			return (T) Proxy.newProxyInstance(ErasureScenarioIntegrationTests.class.getClassLoader(),
					interfaces.toArray(Class<?>[]::new), (proxy, method, arguments) -> {
						try {
							return after.apply(method.getName(), method.invoke(target, arguments));
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

	/** The same store, through a client that records the methods called. */
	private static Storage recording(Storage storage, Queue<String> calls) {
		return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] { Storage.class },
				(proxy, method, arguments) -> {
					calls.add(method.getName());
					try {
						return method.invoke(storage, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** The system clock, or ahead of it by a given time. */
	static final class AheadClock extends Clock {

		private volatile Duration ahead = Duration.ZERO;

		void ahead(Duration ahead) {
			this.ahead = ahead;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.ahead);
		}

	}

}
