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

package io.github.blobupload.autoconfigure.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Spring AI integration ({@code blob.upload.ai.*}): offloads the
 * media of prompts and responses (images, documents, audio) and records their URIs on the
 * model's span. Active only when uploading is enabled and Spring AI is on the class path.
 */
@ConfigurationProperties("blob.upload.ai")
public class BlobUploadAiProperties {

	/** Whether to offload Spring AI media and record it on spans. */
	private boolean enabled = true;

	/**
	 * Whether to record message text (prompts, system instructions, completions,
	 * tool-call arguments and results) on spans next to the media. Off by default: it is
	 * sensitive user content; a warning is logged at startup when on.
	 */
	private boolean captureContent = false;

	/**
	 * Media smaller than this is kept inline on the span (as base64) instead of being
	 * uploaded. 0 uploads every piece of media.
	 */
	private DataSize inlineBudget = DataSize.ofBytes(0);

	/**
	 * Whether to skip uploads for spans that are not sampled, so that the upload cost
	 * follows the tracing sample rate.
	 */
	private boolean uploadOnlyWhenSampled = true;

	// The configuration processor cannot read a set's initializer: its default is
	// declared in META-INF/additional-spring-configuration-metadata.json as well.
	/**
	 * Span attribute layouts to write: 'semconv' (OpenTelemetry GenAI
	 * gen_ai.input.messages / gen_ai.output.messages), 'openinference'
	 * (llm.input_messages.*, for Arize Phoenix) and/or 'refs' (the messages written to
	 * storage as JSON files, the span holding gen_ai.input.messages_ref and the like, as
	 * OpenTelemetry's upload hook does; the files hold message text).
	 */
	private Set<AttributeLayout> layouts = EnumSet.of(AttributeLayout.SEMCONV);

	private final Advisor advisor = new Advisor();

	private final Pcm pcm = new Pcm();

	private final AudioModels audioModels = new AudioModels();

	private final Media media = new Media();

	private final Events events = new Events();

	private final Refs refs = new Refs();

	private final PromptOffload promptOffload = new PromptOffload();

	private final OpenAi openai = new OpenAi();

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

	public AudioModels getAudioModels() {
		return this.audioModels;
	}

	public Media getMedia() {
		return this.media;
	}

	public Events getEvents() {
		return this.events;
	}

	public Refs getRefs() {
		return this.refs;
	}

	public OpenAi getOpenai() {
		return this.openai;
	}

	public PromptOffload getPromptOffload() {
		return this.promptOffload;
	}

	/** The ChatClient advisor. */
	public static class Advisor {

		/**
		 * Whether to add the offloading advisor to every auto-configured
		 * ChatClient.Builder.
		 */
		private boolean enabled = true;

		/**
		 * Order of the advisor among the ChatClient's advisors. The default,
		 * Ordered.LOWEST_PRECEDENCE - 1000, runs late, after memory and retrieval
		 * advisors, so it sees the prompt as sent.
		 */
		private int order = 2_147_482_647;

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
		private int sampleRate = 24_000;

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

	/** What spring-ai-openai's client drops, recovered from its HTTP traffic. */
	public static class OpenAi {

		private final StreamedAudio streamedAudio = new StreamedAudio();

		public StreamedAudio getStreamedAudio() {
			return this.streamedAudio;
		}

	}

	/**
	 * The audio of streamed chat completions (PCM16 deltas), which spring-ai-openai
	 * drops.
	 */
	public static class StreamedAudio {

		/**
		 * Whether to add an interceptor to spring-ai-openai's HTTP client that assembles
		 * the audio deltas of streamed chat completions as they pass, so that each
		 * completion's audio is offloaded once as WAV and recorded on the model's span.
		 * Holds at most 16 streams' audio in memory, each up to
		 * blob.upload.max-blob-size.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/** Text-to-speech and transcription models, which Spring AI does not observe. */
	public static class AudioModels {

		/**
		 * Whether to wrap every TextToSpeechModel and TranscriptionModel bean so that its
		 * audio is offloaded and recorded on a span of its own. The beans then have the
		 * wrapper's type: inject the interfaces, or turn this off.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Prompt media is offloaded (decoded, filtered, hashed for its content-addressed name
	 * and handed to the uploader) on a few threads while the model works, and joined when
	 * its URI is recorded at the end of the call.
	 */
	public static class PromptOffload {

		/**
		 * Number of daemon threads that offload prompt media while the model works. 0
		 * offloads it on the caller's thread before the model is called.
		 */
		private int threads = 2;

		/**
		 * Number of pieces of prompt media that may wait for those threads. Media that
		 * finds the queue full is offloaded on the caller's thread (counted in
		 * blob.upload.ai.prompt.offload.caller).
		 */
		private int queueSize = 64;

		/**
		 * Longest wait, at the end of the call, for a piece of prompt media still being
		 * offloaded. After it, the media is recorded as /dev/null and counted in
		 * blob.upload.ai.media{outcome=refused,reason=timeout}.
		 */
		private Duration joinTimeout = Duration.ofSeconds(1);

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueueSize() {
			return this.queueSize;
		}

		public void setQueueSize(int queueSize) {
			this.queueSize = queueSize;
		}

		public Duration getJoinTimeout() {
			return this.joinTimeout;
		}

		public void setJoinTimeout(Duration joinTimeout) {
			this.joinTimeout = joinTimeout;
		}

	}

	/**
	 * Which media may be offloaded, by direction and modality. A rule is
	 * direction.modality: direction 'input', 'output' or '*'; modality 'image', 'audio',
	 * 'video', 'document' or '*'. Excluded media is never stored and is recorded as
	 * /dev/null.
	 */
	public static class Media {

		// Defaults and hints of both lists are declared in
		// META-INF/additional-spring-configuration-metadata.json.
		/**
		 * Rules of media to offload, such as 'input.image,output.image'. Empty, the
		 * default, includes every media; otherwise media that matches none is excluded.
		 */
		private List<String> include = new ArrayList<>();

		/**
		 * Rules of media never to offload, such as '*.audio'. They win over 'include'.
		 */
		private List<String> exclude = new ArrayList<>();

		public List<String> getInclude() {
			return this.include;
		}

		public void setInclude(List<String> include) {
			this.include = include;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

	}

	/**
	 * The OpenTelemetry GenAI event gen_ai.client.inference.operation.details, emitted
	 * through the OpenTelemetry Logs API for tools that read events rather than spans.
	 */
	public static class Events {

		/**
		 * Whether to emit one gen_ai.client.inference.operation.details log event per
		 * model call (chat and image), with the span's trace and span ids and media as
		 * uri parts. Needs an OpenTelemetry bean; message text is included only with
		 * capture-content.
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
	 * The 'refs' layout: message files in the format of OpenTelemetry's
	 * opentelemetry-util-genai upload hook.
	 */
	public static class Refs {

		/**
		 * URI prefix the message files are written under, such as s3://bucket/prefix,
		 * gs://bucket/prefix or file:///var/lib/app/genai. When unset, the environment
		 * variable OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH; when neither is set, the
		 * destination of the use case genai.refs (blob.upload.use-cases.genai-refs.*,
		 * else the default destination). blob.upload.use-cases.genai-refs.uri-prefix wins
		 * over both.
		 */
		private @Nullable String basePath = null;

		/**
		 * Format of the message files: 'json' (one array a file) or 'jsonl' (one message
		 * a line). When unset, the environment variable
		 * OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT, else 'json'.
		 */
		private GenAiRefsWriter.@Nullable Format format = null;

		public @Nullable String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(@Nullable String basePath) {
			this.basePath = basePath;
		}

		public GenAiRefsWriter.@Nullable Format getFormat() {
			return this.format;
		}

		public void setFormat(GenAiRefsWriter.@Nullable Format format) {
			this.format = format;
		}

	}

}
