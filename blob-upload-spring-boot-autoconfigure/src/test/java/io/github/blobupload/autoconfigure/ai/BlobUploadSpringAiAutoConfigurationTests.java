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

import java.util.List;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.OffloadingTextToSpeechModel;
import io.github.blobupload.ai.OffloadingTranscriptionModel;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.audio.DefaultOffloadingTextToSpeechModel;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.chat.BlobOffloadObservationFilter;
import io.github.blobupload.ai.chat.BlobOffloadObservationHandler;
import io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadSpringAiAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadSpringAiAutoConfiguration.class))
		.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:target/ai-context-tests");

	@Test
	void providesOffloaderFilterAndAdvisor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MediaOffloader.class)
				.hasSingleBean(MediaWalker.class)
				.hasSingleBean(BlobOffloadObservationFilter.class)
				.hasSingleBean(BlobOffloadObservationHandler.class)
				.hasSingleBean(BlobOffloadAdvisor.class)
				.hasSingleBean(ChatClientCustomizer.class)
				.hasSingleBean(SpanInfoResolver.class);
			assertThat(context.getBean(BlobOffloadAdvisor.class).getOrder())
				.isEqualTo(BlobOffloadAdvisor.DEFAULT_ORDER);
		});
	}

	@Test
	void noSpringAiOnTheClasspathMeansNoAiBeans() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MediaOffloader.class)
				.doesNotHaveBean(BlobOffloadObservationFilter.class)
				.doesNotHaveBean(BlobOffloadAdvisor.class);
		});
	}

	@Test
	void noChatClientOnTheClasspathKeepsTheFilterOnly() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai.chat.client")).run((context) -> {
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class);
			assertThat(context).doesNotHaveBean(ChatClientCustomizer.class);
		});
	}

	@Test
	void streamedChatAudioInterceptorIsAddedToTheOpenAiClient() {
		this.runner.withPropertyValues("blob.upload.max-blob-size=3MB").run((context) -> {
			assertThat(context).hasSingleBean(OpenAiHttpClientBuilderCustomizer.class)
				.hasSingleBean(StreamedChatAudio.class);
			assertThat(context.getBean(StreamedChatAudio.class).maxBytes()).isEqualTo(3L * 1024 * 1024);
		});
	}

	@Test
	void streamedChatAudioSwitchedOffMeansNoInterceptor() {
		this.runner.withPropertyValues("blob.upload.ai.openai.streamed-audio.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OpenAiHttpClientBuilderCustomizer.class)
				.doesNotHaveBean(StreamedChatAudio.class);
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class);
		});
	}

	@Test
	void noSpringAiOpenAiOnTheClasspathMeansNoInterceptor() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai.openai")).run((context) -> {
			assertThat(context).doesNotHaveBean(StreamedChatAudio.class);
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class);
		});
	}

	@Test
	void noOkHttpOnTheClasspathMeansNoInterceptor() {
		this.runner.withClassLoader(new FilteredClassLoader("okhttp3")).run((context) -> {
			assertThat(context).doesNotHaveBean(StreamedChatAudio.class);
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class);
		});
	}

	@Test
	void uploadingDisabledMeansNoAiBeans() {
		this.runner.withPropertyValues("blob.upload.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MediaOffloader.class));
	}

	@Test
	void aiSwitchedOffMeansNoAiBeans() {
		this.runner.withPropertyValues("blob.upload.ai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MediaOffloader.class)
				.doesNotHaveBean(BlobOffloadAdvisor.class));
	}

	@Test
	void advisorSwitchedOffKeepsTheObservationFilter() {
		this.runner.withPropertyValues("blob.upload.ai.advisor.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BlobOffloadAdvisor.class).doesNotHaveBean(ChatClientCustomizer.class);
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class);
		});
	}

	@Test
	void advisorOrderIsConfigurable() {
		this.runner.withPropertyValues("blob.upload.ai.advisor.order=42")
			.run((context) -> assertThat(context.getBean(BlobOffloadAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void usersOwnAdvisorWins() {
		this.runner.withUserConfiguration(UserAdvisorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(BlobOffloadAdvisor.class);
			assertThat(context.getBean(BlobOffloadAdvisor.class)).isSameAs(context.getBean("myAdvisor"));
			assertThat(context.getBean(BlobOffloadAdvisor.class).getOrder()).isEqualTo(7);
		});
	}

	@Test
	void badPcmChannelsFailStartupNamingThePropertyWithTheBuildersRule() {
		this.runner.withPropertyValues("blob.upload.ai.pcm.channels=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.pcm.channels")
				.hasMessageContaining("value '0'")
				.hasMessageContaining("It must be positive but was 0.");
		});
	}

	@Test
	void negativeInlineBudgetFailsStartupNamingThePropertyWithTheBuildersRule() {
		this.runner.withPropertyValues("blob.upload.ai.inline-budget=-1B").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.inline-budget")
				.hasMessageContaining("value '-1B'")
				.hasMessageContaining("It must not be negative but was -1.");
		});
	}

	@Test
	void badPromptOffloadThreadsFailStartupWithASentenceNamingTheRule() {
		this.runner.withPropertyValues("blob.upload.ai.prompt-offload.threads=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.prompt-offload.threads")
				.hasMessageContaining("It must be 0 or more but was -1.");
		});
	}

	@Test
	void badPcmRateFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.ai.pcm.sample-rate=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.pcm.sample-rate")
				.hasMessageContaining("value '0'");
		});
	}

	@Test
	void badPromptOffloadSettingsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.ai.prompt-offload.queue-size=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.prompt-offload.queue-size")
				.hasMessageContaining("value '0'");
		});
		this.runner.withPropertyValues("blob.upload.ai.prompt-offload.join-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.prompt-offload.join-timeout");
		});
	}

	@Test
	void badAiAndEngineValuesAreReportedTogether() {
		this.runner
			.withPropertyValues("blob.upload.ai.inline-budget=-1B", "blob.upload.ai.pcm.channels=0",
					"blob.upload.worker.threads=0")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("blob.upload.ai.inline-budget")
				.hasMessageContaining("blob.upload.ai.pcm.channels")
				.hasMessageContaining("blob.upload.worker.threads"));
	}

	@Test
	void badMediaRuleFailsStartupNamingThePropertyAndValue() {
		this.runner.withPropertyValues("blob.upload.ai.media.exclude=input.image,audio").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("blob.upload.ai.media.exclude")
				.hasMessageContaining("value 'input.image,audio'")
				.hasMessageContaining("but was 'audio'")
				.hasMessageContaining("*.audio");
		});
	}

	@Test
	void mediaRulesAndFilterBeansReachTheOffloader() {
		this.runner.withPropertyValues("blob.upload.ai.media.include=*.image", "blob.upload.ai.media.exclude=input.*")
			.withBean("dropAll", MediaFilter.class, () -> (media) -> MediaFilter.Decision.drop("test"))
			.run((context) -> {
				MediaOffloader offloader = context.getBean(MediaOffloader.class);
				SpanInfo span = new SpanInfo("t", "s", true);
				offloader.offload(new byte[] { 1 }, "image/png", "chat.input", span, 0, 0);
				offloader.offload(new byte[] { 2 }, "image/png", "image.output", span, 0, 0);
				offloader.offload(new byte[] { 3 }, "audio/wav", "audio.output", span, 0, 0);
				assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_BY_RULE)).isEqualTo(2);
				assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_BY_FILTER)).isOne();
			});
	}

	@Test
	void filterBeansApplyInTheirOrder() {
		this.runner.withUserConfiguration(OrderedFilters.class).run((context) -> {
			MediaOffloader offloader = context.getBean(MediaOffloader.class);
			OffloadedMedia media = offloader.offload(new byte[] { 1 }, "image/png", "chat.input",
					new SpanInfo("t", "s", true), 0, 0);
			assertThat(media.refusalReason()).isEqualTo("saw image/jpeg");
		});
	}

	@Test
	void unknownLayoutFailsStartup() {
		this.runner.withPropertyValues("blob.upload.ai.layouts=zipkin").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("blob.upload.ai.layouts");
		});
	}

	@Test
	void contentCaptureWarnsAtStartup(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.ai.capture-content=true").run((context) -> {
			assertThat(context).hasSingleBean(MediaWalker.class);
			assertThat(output).contains("blob.upload.ai.capture-content is on");
		});
	}

	@Test
	void genAiEventsAreOffByDefault() {
		this.runner.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.run((context) -> assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class)
				.doesNotHaveBean(GenAiEventEmitter.class));
	}

	@Test
	void genAiEventsSwitchedOnWithOpenTelemetryProvideTheEmitter(CapturedOutput output) {
		this.runner.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.withPropertyValues("blob.upload.ai.events.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(GenAiEventEmitter.class)
					.hasSingleBean(BlobOffloadObservationFilter.class);
				assertThat(output).doesNotContain("log events. Make sure that is intended.");
			});
	}

	@Test
	void refsLayoutWarnsAtStartupNamingDestinationAndFormat(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.ai.layouts=semconv,refs").run((context) -> {
			assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class).hasSingleBean(GenAiRefsWriter.class);
			assertThat(output).contains("blob.upload.ai.layouts includes refs")
				.contains("written to file:target/ai-context-tests as json files");
		});
	}

	@Test
	void refsLayoutIsOffByDefaultAndDoesNotWarn(CapturedOutput output) {
		this.runner
			.withPropertyValues("OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH=gs://no-provider/refs",
					"OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT=xml")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(GenAiRefsWriter.class);
				assertThat(output).doesNotContain("includes refs");
				assertThat(context.getBean(BlobUploaderRegistry.class).destinations())
					.extracting(BlobDestination::useCase)
					.doesNotContain("genai-refs");
			});
	}

	@Test
	void environmentVariablesAreTheRefsDefaults(CapturedOutput output) {
		this.runner
			.withPropertyValues("blob.upload.ai.layouts=refs", "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT=JSONL",
					"OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH=file:target/ai-context-tests/hook")
			.run((context) -> {
				assertThat(destinationOf(context.getBean(BlobUploaderRegistry.class), "genai-refs"))
					.isEqualTo("file:target/ai-context-tests/hook");
				assertThat(output).contains("written to file:target/ai-context-tests/hook as jsonl files");
			});
	}

	@Test
	void genAiEventsWithContentCaptureWarnAtStartup(CapturedOutput output) {
		this.runner.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.withPropertyValues("blob.upload.ai.events.enabled=true", "blob.upload.ai.capture-content=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(GenAiEventEmitter.class);
				assertThat(output).contains("text is also emitted in gen_ai.client.inference.operation.details");
			});
	}

	@Test
	void refsPropertiesWinOverEnvironmentVariables(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.ai.layouts=refs", "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT=jsonl",
				"OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH=file:target/ai-context-tests/hook",
				"blob.upload.ai.refs.format=json", "blob.upload.ai.refs.base-path=file:target/ai-context-tests/mine")
			.run((context) -> {
				assertThat(destinationOf(context.getBean(BlobUploaderRegistry.class), "genai-refs"))
					.isEqualTo("file:target/ai-context-tests/mine");
				assertThat(output).contains("written to file:target/ai-context-tests/mine as json files");
			});
	}

	@Test
	void genAiEventsSwitchedOnWithoutOpenTelemetryProvideNoEmitter() {
		this.runner.withPropertyValues("blob.upload.ai.events.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(BlobOffloadObservationFilter.class)
				.doesNotHaveBean(GenAiEventEmitter.class));
	}

	@Test
	void genAiEventsWithoutTheLogsApiProvideNoEmitter() {
		this.runner.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.withPropertyValues("blob.upload.ai.events.enabled=true")
			.withClassLoader(new FilteredClassLoader("io.opentelemetry.api.logs"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BlobOffloadObservationFilter.class)
				.doesNotHaveBean(GenAiEventEmitter.class));
	}

	@Test
	void usersOwnEmitterWins() {
		GenAiEventEmitter own = new GenAiEventEmitter(LoggerProvider.noop());
		this.runner.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.withBean(GenAiEventEmitter.class, () -> own)
			.withPropertyValues("blob.upload.ai.events.enabled=true")
			.run((context) -> assertThat(context.getBean(GenAiEventEmitter.class)).isSameAs(own));
	}

	@Test
	void useCaseSettingWinsOverTheRefsBasePath(CapturedOutput output) {
		this.runner
			.withPropertyValues("blob.upload.ai.layouts=refs",
					"blob.upload.ai.refs.base-path=file:target/ai-context-tests/mine",
					"blob.upload.use-cases.genai-refs.uri-prefix=file:target/ai-context-tests/routed")
			.run((context) -> {
				assertThat(destinationOf(context.getBean(BlobUploaderRegistry.class), "genai-refs"))
					.isEqualTo("file:target/ai-context-tests/routed");
				assertThat(output).contains("written to file:target/ai-context-tests/routed as json files");
			});
	}

	@Test
	void badRefsFormatFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.ai.layouts=refs", "blob.upload.ai.refs.format=xml")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("blob.upload.ai.refs.format");
			});
	}

	@Test
	void badFormatVariableFailsStartupNamingIt() {
		this.runner.withPropertyValues("blob.upload.ai.layouts=refs", "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT=xml")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT")
					.hasStackTraceContaining("json or jsonl");
			});
	}

	@Test
	void refsBasePathWithoutItsProviderFailsStartupNamingIt() {
		this.runner
			.withPropertyValues("blob.upload.ai.layouts=refs",
					"OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH=gs://bucket/p")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH");
			});
	}

	private static @Nullable String destinationOf(BlobUploaderRegistry registry, String useCase) {
		return registry.destinations()
			.stream()
			.filter((destination) -> destination.useCase().equals(useCase))
			.map(BlobDestination::uriPrefix)
			.findFirst()
			.orElse(null);
	}

	@Test
	void audioModelBeansAreWrapped() {
		this.runner.withUserConfiguration(AudioModelsConfiguration.class).run((context) -> {
			assertThat(context.getBean(TextToSpeechModel.class)).isInstanceOf(OffloadingTextToSpeechModel.class);
			assertThat(context.getBean(TranscriptionModel.class)).isInstanceOf(OffloadingTranscriptionModel.class);
			assertThat(context.getBean(TextToSpeechModel.class).call("Hi")).containsExactly(1, 2, 3);
		});
	}

	@Test
	void audioModelsSwitchedOffAreNotWrapped() {
		this.runner.withUserConfiguration(AudioModelsConfiguration.class)
			.withPropertyValues("blob.upload.ai.audio-models.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(TextToSpeechModel.class)).isNotInstanceOf(OffloadingTextToSpeechModel.class);
				assertThat(context.getBean(TranscriptionModel.class))
					.isNotInstanceOf(OffloadingTranscriptionModel.class);
			});
	}

	@Test
	void aiSwitchedOffLeavesAudioModelsAlone() {
		this.runner.withUserConfiguration(AudioModelsConfiguration.class)
			.withPropertyValues("blob.upload.ai.enabled=false")
			.run((context) -> assertThat(context.getBean(TextToSpeechModel.class))
				.isNotInstanceOf(OffloadingTextToSpeechModel.class));
	}

	@Test
	void usersOwnAudioWrapperIsNotWrappedAgain() {
		this.runner.withUserConfiguration(UserAudioWrapperConfiguration.class).run((context) -> {
			assertThat(context.getBean(TextToSpeechModel.class)).isSameAs(context.getBean("myWrapper"));
			assertThat(context.getBean(OffloadingTextToSpeechModel.class)).isSameAs(context.getBean("myWrapper"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class AudioModelsConfiguration {

		@Bean
		TextToSpeechModel speechModel() {
			return new FixedSpeech(new byte[] { 1, 2, 3 });
		}

		@Bean
		TranscriptionModel transcriptionModel() {
			return (prompt) -> new AudioTranscriptionResponse(new AudioTranscription("hello"));
		}

	}

	/** A text-to-speech model that always says the same audio. */
	static final class FixedSpeech implements TextToSpeechModel {

		private final byte[] audio;

		FixedSpeech(byte[] audio) {
			this.audio = audio;
		}

		@Override
		public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
			return new TextToSpeechResponse(List.of(new Speech(this.audio)));
		}

		@Override
		public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
			return Flux.just(call(prompt));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAudioWrapperConfiguration {

		@Bean
		OffloadingTextToSpeechModel myWrapper(MediaOffloader offloader, SpanInfoResolver spans) {
			return new DefaultOffloadingTextToSpeechModel(new FixedSpeech(new byte[] { 4 }), offloader, spans,
					io.micrometer.observation.ObservationRegistry.NOOP);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAdvisorConfiguration {

		@Bean
		BlobOffloadAdvisor myAdvisor(MediaWalker walker) {
			return DefaultBlobOffloadAdvisor.builder(walker).order(7).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedFilters {

		@Bean
		@Order(2)
		MediaFilter dropper() {
			return (media) -> MediaFilter.Decision.drop("saw " + media.contentType());
		}

		@Bean
		@Order(1)
		MediaFilter replacer() {
			return (media) -> MediaFilter.Decision.replace(new byte[] { 2 }, "image/jpeg");
		}

	}

}
