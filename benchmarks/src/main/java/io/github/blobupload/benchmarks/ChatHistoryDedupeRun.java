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

package io.github.blobupload.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.content.MediaContent;
import org.springframework.util.MimeTypeUtils;

/**
 * A 20-turn chat whose history re-sends the same image, through a real Spring AI
 * {@code ChatClient} with the starter's {@link BlobOffloadAdvisor}: how many uploads
 * storage actually performs, and how many bytes it receives, with the starter's defaults
 * (content-addressed names and the engine's dedupe cache) against no deduplication
 * (random UUID names, dedupe cache off).
 * <p>
 * Storage is the embedded {@code file:} provider in a temporary folder, behind a counting
 * wrapper; the model is an in-process fake that checks each prompt carries the whole
 * history with the image. Two ways of carrying the history are measured:
 * <ul>
 * <li><b>re-sent by the client</b>: a stateless chat API whose client posts the whole
 * conversation each turn, the image as base64; every turn therefore builds new message
 * and media objects, so only naming and the engine's dedupe can recognise the image;</li>
 * <li><b>chat memory</b>: {@code MessageChatMemoryAdvisor} with an in-memory
 * {@code MessageWindowChatMemory}; the history holds the same media object every turn,
 * which the offloader's own memo (by identity) recognises before the engine is
 * asked.</li>
 * </ul>
 * A third configuration, content-addressed names with the dedupe cache off, shows what
 * the cache adds on its own (the same object written again and again). Each configuration
 * runs once as a warm-up, then {@value #REPETITIONS} times measured; the median time of
 * the 20 calls (the caller's time, fake model and the client's base64 decoding included)
 * and of the final {@code flush} are printed too.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.ChatHistoryDedupeRun [--image-kb=1024]}
 */
public final class ChatHistoryDedupeRun {

	private static final int TURNS = 20;

	private static final int REPETITIONS = 5;

	private static final List<Config> CONFIGS = List.of(
			new Config("starter defaults: content-addressed names + dedupe cache",
					BlobNamingStrategies.contentAddressed(), AsyncBlobUploaderBuilder.DEFAULT_DEDUPE_CACHE_SIZE),
			new Config("content-addressed names, dedupe cache off", BlobNamingStrategies.contentAddressed(), 0),
			new Config("baseline: uuid names, dedupe cache off", BlobNamingStrategies.uuid(), 0));

	private final byte[] image;

	private final Path root;

	private ChatHistoryDedupeRun(byte[] image, Path root) {
		this.image = image;
		this.root = root;
	}

	/**
	 * Runs every history style with every configuration and prints the table.
	 * @param args {@code --image-kb=N}: the image size (default 1024)
	 * @throws IOException if the temporary folder cannot be used
	 */
	public static void main(String[] args) throws IOException {
		int imageKb = 1024;
		for (String arg : args) {
			if (arg.startsWith("--image-kb=")) {
				imageKb = Integer.parseInt(arg.substring("--image-kb=".length()));
			}
		}
		byte[] image = new byte[imageKb * 1024];
		ThreadLocalRandom.current().nextBytes(image);
		Path root = Files.createTempDirectory("chat-history-dedupe");
		try {
			ChatHistoryDedupeRun run = new ChatHistoryDedupeRun(image, root);
			for (History history : History.values()) {
				for (Config config : CONFIGS) {
					run.conversation(history, config, "warmup");
				}
			}
			List<String> rows = new ArrayList<>();
			for (History history : History.values()) {
				List<Result> results = new ArrayList<>();
				for (Config config : CONFIGS) {
					results.add(run.repeated(history, config));
				}
				Result baseline = results.get(results.size() - 1);
				for (Result result : results) {
					rows.add(result.row(baseline));
				}
			}
			System.out.println();
			System.out.println("A " + TURNS + "-turn chat re-sending one " + imageKb
					+ " KB image in its history: ChatClient + BlobOffloadAdvisor, file: storage");
			System.out.println("Machine: " + Machine.describe());
			System.out.println();
			System.out.println("| History | Naming / dedupe | Storage writes | MB written | Objects stored "
					+ "| Deduplicated by engine | Reused by offloader memo | Writes and bytes vs baseline | 20 calls (ms, median) "
					+ "| flush (ms, median) |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|");
			rows.forEach(System.out::println);
		}
		finally {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/**
	 * Runs the conversation {@value #REPETITIONS} times; the counts must agree, the times
	 * are the medians.
	 */
	private Result repeated(History history, Config config) throws IOException {
		List<Result> results = new ArrayList<>();
		for (int i = 0; i < REPETITIONS; i++) {
			results.add(conversation(history, config, "measured" + i));
		}
		Result first = results.get(0);
		for (Result result : results) {
			if (result.writes() != first.writes() || result.bytes() != first.bytes()
					|| result.objects() != first.objects()) {
				throw new IllegalStateException("Repetitions disagree: " + results);
			}
		}
		return new Result(history, config, first.writes(), first.bytes(), first.objects(), first.deduplicated(),
				first.reused(), Medians.of(results.stream().map(Result::callNanos).toList()),
				Medians.of(results.stream().map(Result::flushNanos).toList()));
	}

	private Result conversation(History history, Config config, String phase) throws IOException {
		Path folder = this.root.resolve(phase + "-" + history.name().toLowerCase(Locale.ROOT) + "-" + config.index());
		CountingUploader storage = new CountingUploader(
				new FileBlobStorageProvider().createUploader(folder.toUri().toString(), config.naming()));
		ManagedBlobUploader uploader = AsyncBlobUploader.builder(storage)
			.name("chat")
			.dedupeCacheSize(config.dedupeCacheSize())
			.build();
		try (DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(uploader)
			.build(); MediaOffloader offloader = MediaOffloader.builder(registry).build()) {
			BlobOffloadAdvisor advisor = DefaultBlobOffloadAdvisor.builder(new MediaWalker(offloader, false)).build();
			HistoryCheckingModel model = new HistoryCheckingModel();
			long start = System.nanoTime();
			if (history == History.RESENT_BY_CLIENT) {
				resentByClient(ChatClient.builder(model).defaultAdvisors(advisor).build());
			}
			else {
				ChatMemory memory = MessageWindowChatMemory.builder()
					.chatMemoryRepository(new InMemoryChatMemoryRepository())
					.maxMessages(2 * TURNS + 2)
					.build();
				withChatMemory(ChatClient.builder(model)
					.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build(), advisor)
					.build());
			}
			long calls = System.nanoTime() - start;
			if (!uploader.flush(Duration.ofMinutes(1))) {
				throw new IllegalStateException("The uploads did not finish: " + uploader.stats());
			}
			long flush = System.nanoTime() - start - calls;
			BlobUploadStats stats = uploader.stats();
			if (stats.failed() != 0 || stats.droppedTotal() != 0) {
				throw new IllegalStateException("Uploads failed or were dropped: " + stats);
			}
			return new Result(history, config, storage.writes.sum(), storage.bytes.sum(), objectsIn(folder),
					stats.deduplicated(), offloader.count(MediaOffloadOutcome.REUSED), calls, flush);
		}
	}

	/**
	 * A stateless chat API: the client keeps the conversation and posts all of it every
	 * turn, the image base64-encoded in the first user message.
	 */
	private void resentByClient(ChatClient client) {
		String imageBase64 = Base64.getEncoder().encodeToString(this.image);
		List<String[]> posted = new ArrayList<>();
		for (int turn = 1; turn <= TURNS; turn++) {
			posted.add(
					new String[] { "user", "Question " + turn + " about the picture", (turn == 1) ? imageBase64 : "" });
			List<Message> messages = new ArrayList<>();
			for (String[] entry : posted) {
				if (entry[0].equals("assistant")) {
					messages.add(new AssistantMessage(entry[1]));
				}
				else if (entry[2].isEmpty()) {
					messages.add(new UserMessage(entry[1]));
				}
				else {
					// What a server does with the posted JSON: decode the image into new
					// bytes.
					Media media = Media.builder()
						.mimeType(MimeTypeUtils.IMAGE_PNG)
						.data(Base64.getDecoder().decode(entry[2]))
						.build();
					messages.add(UserMessage.builder().text(entry[1]).media(media).build());
				}
			}
			String answer = client.prompt().messages(messages).call().content();
			posted.add(new String[] { "assistant", String.valueOf(answer), "" });
		}
	}

	/**
	 * Server-side history: the chat memory advisor adds the earlier turns to each prompt.
	 */
	private void withChatMemory(ChatClient client) {
		Media media = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(this.image.clone()).build();
		for (int turn = 1; turn <= TURNS; turn++) {
			String text = "Question " + turn + " about the picture";
			client.prompt()
				.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "benchmark"))
				.user((user) -> {
					user.text(text);
					if (text.startsWith("Question 1 ")) {
						user.media(media);
					}
				})
				.call()
				.content();
		}
	}

	private static long objectsIn(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX))
				.count();
		}
	}

	/** How the conversation's history reaches the {@code ChatClient}. */
	private enum History {

		/** The client posts the whole conversation every turn. */
		RESENT_BY_CLIENT("re-sent by the client"),

		/** {@code MessageChatMemoryAdvisor} keeps it on the server. */
		CHAT_MEMORY("chat memory advisor");

		private final String label;

		History(String label) {
			this.label = label;
		}

	}

	/**
	 * One way of naming and deduplicating.
	 *
	 * @param label how the table names it
	 * @param naming the naming strategy
	 * @param dedupeCacheSize the engine's dedupe cache size, 0 for none
	 */
	private record Config(String label, BlobNamingStrategy naming, int dedupeCacheSize) {

		int index() {
			return CONFIGS.indexOf(this);
		}

	}

	/**
	 * What one conversation did.
	 *
	 * @param history how the history was carried
	 * @param config the naming and dedupe configuration
	 * @param writes uploads performed by storage
	 * @param bytes bytes written (content only, not the metadata side files)
	 * @param objects objects stored at the end
	 * @param deduplicated blobs the engine did not upload again
	 * @param reused media the offloader recognised by identity
	 * @param callNanos time of the 20 calls
	 * @param flushNanos time of the final flush
	 */
	private record Result(History history, Config config, long writes, long bytes, long objects, long deduplicated,
			long reused, long callNanos, long flushNanos) {

		String row(Result baseline) {
			return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %d | %d | %d | ×%.2f | %.1f | %.1f |",
					this.history.label, this.config.label(), this.writes, this.bytes / 1e6, this.objects,
					this.deduplicated, this.reused, (double) this.writes / baseline.writes, this.callNanos / 1e6,
					this.flushNanos / 1e6);
		}

	}

	/**
	 * Counts the uploads a real provider performs and the bytes it writes.
	 */
	private static final class CountingUploader implements SimpleBlobUploader {

		private final SimpleBlobUploader delegate;

		private final LongAdder writes = new LongAdder();

		private final LongAdder bytes = new LongAdder();

		CountingUploader(SimpleBlobUploader delegate) {
			this.delegate = delegate;
		}

		@Override
		public String generateDestinationUri(Blob blob) {
			return this.delegate.generateDestinationUri(blob);
		}

		@Override
		public void uploadSync(String uri, Blob blob) throws IOException {
			this.delegate.uploadSync(uri, blob);
			this.writes.increment();
			this.bytes.add(blob.size());
		}

	}

	/**
	 * A fake model that answers at once and checks that each prompt carries the whole
	 * history: turn n has 2n - 1 messages, exactly one of them with the image.
	 */
	private static final class HistoryCheckingModel implements ChatModel {

		private final AtomicInteger turn = new AtomicInteger();

		@Override
		public ChatResponse call(Prompt prompt) {
			int n = this.turn.incrementAndGet();
			List<Message> messages = prompt.getInstructions();
			long images = messages.stream()
				.filter((message) -> message instanceof MediaContent content && !content.getMedia().isEmpty())
				.count();
			if (messages.size() != 2 * n - 1 || images != 1) {
				throw new IllegalStateException("Turn " + n + " has " + messages.size() + " messages and " + images
						+ " images; expected " + (2 * n - 1) + " and 1");
			}
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Answer " + n))));
		}

	}

}
