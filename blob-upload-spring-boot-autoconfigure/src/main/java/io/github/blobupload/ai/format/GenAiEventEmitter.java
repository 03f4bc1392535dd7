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

package io.github.blobupload.ai.format;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.offload.Conversations;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.observation.Observation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.ai.observation.AiOperationMetadata;

/**
 * Emits the OpenTelemetry GenAI event {@value #EVENT_NAME} through the OpenTelemetry Logs
 * API: one log record per model call ({@code ChatModel}, {@code ImageModel}), made when
 * the model's observation stops, with the trace and span ids of the model's span. It
 * holds the call's messages as the span attributes do, media as {@code uri} parts in
 * place of their bytes (the same JSON, written by {@link GenAiSemconvAttributes}, here in
 * the structured form the conventions ask of events), and the call's parameters, response
 * id, model, finish reasons and token usage as Spring AI gives them.
 * <p>
 * For tools that read events rather than spans; opt-in. Message text is in the event only
 * when content capture is on, as on spans. Called by the
 * {@link io.github.blobupload.ai.chat.BlobOffloadObservationFilter} for sampled calls
 * only. Never throws: a failure is logged (rate-limited) and the event dropped.
 */
public final class GenAiEventEmitter {

	/** The event name, as the GenAI semantic conventions define it. */
	public static final String EVENT_NAME = "gen_ai.client.inference.operation.details";

	/** The instrumentation scope of the log records. */
	public static final String INSTRUMENTATION_SCOPE = "io.github.blobupload.ai";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Logger logger;

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(GenAiEventEmitter.class),
			Duration.ofMinutes(1));

	/**
	 * Creates an emitter that writes to the logger provider of an {@link OpenTelemetry}.
	 * @param openTelemetry the OpenTelemetry whose
	 * {@linkplain OpenTelemetry#getLogsBridge() logs} receive the events
	 */
	public GenAiEventEmitter(OpenTelemetry openTelemetry) {
		this(Objects.requireNonNull(openTelemetry, "openTelemetry must not be null").getLogsBridge());
	}

	/**
	 * Creates an emitter that writes to a logger provider.
	 * @param loggerProvider the logger provider
	 */
	public GenAiEventEmitter(LoggerProvider loggerProvider) {
		this.logger = Objects.requireNonNull(loggerProvider, "loggerProvider must not be null")
			.loggerBuilder(INSTRUMENTATION_SCOPE)
			.build();
	}

	/**
	 * Emits the event of one model call.
	 * @param context the model's observation context, stopping
	 * @param call the call, with its span and conversation
	 * @param input the recorded prompt messages
	 * @param output the recorded response messages
	 */
	public void emit(Observation.Context context, MediaCall call, List<RecordedMessage> input,
			List<RecordedMessage> output) {
		try {
			LogRecordBuilder record = this.logger.logRecordBuilder()
				.setEventName(EVENT_NAME)
				.setContext(contextOf(call.span()))
				.setTimestamp(Instant.now())
				.setSeverity(Severity.INFO);
			String operation = call.operation();
			if (context instanceof ModelObservationContext<?, ?> model && model.getOperationMetadata() != null) {
				AiOperationMetadata metadata = model.getOperationMetadata();
				operation = metadata.operationType();
				setString(record, "gen_ai.provider.name", metadata.provider());
			}
			record.setAttribute("gen_ai.operation.name", operation);
			setString(record, Conversations.ATTRIBUTE, call.conversationId());
			if (context instanceof ChatModelObservationContext chat) {
				chat(chat, record);
			}
			else if (context instanceof ImageModelObservationContext image) {
				image(image, record);
			}
			List<String> finishReasons = new ArrayList<>();
			for (RecordedMessage message : output) {
				if (message.finishReason() != null) {
					finishReasons.add(message.finishReason());
				}
			}
			if (!finishReasons.isEmpty()) {
				record.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), finishReasons);
			}
			if (context.getError() != null) {
				record.setAttribute("error.type", context.getError().getClass().getName());
			}
			Map<String, String> messages = new LinkedHashMap<>();
			GenAiSemconvAttributes.write(input, output, messages);
			messages
				.forEach((key, json) -> record.setAttribute(AttributeKey.valueKey(key), value(JSON.readTree(json))));
			record.emit();
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not emit the " + EVENT_NAME + " event of '" + context.getName() + "': "
					+ ex.getClass().getName(), ex);
		}
	}

	private static void chat(ChatModelObservationContext chat, LogRecordBuilder record) {
		ChatOptions options = chat.getRequest().getOptions();
		if (options != null) {
			setString(record, "gen_ai.request.model", options.getModel());
			setDouble(record, "gen_ai.request.temperature", options.getTemperature());
			setDouble(record, "gen_ai.request.top_p", options.getTopP());
			setDouble(record, "gen_ai.request.frequency_penalty", options.getFrequencyPenalty());
			setDouble(record, "gen_ai.request.presence_penalty", options.getPresencePenalty());
			if (options.getMaxTokens() != null) {
				record.setAttribute("gen_ai.request.max_tokens", options.getMaxTokens().longValue());
			}
			List<String> stops = options.getStopSequences();
			if (stops != null && !stops.isEmpty()) {
				record.setAttribute(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), List.copyOf(stops));
			}
		}
		ChatResponse response = chat.getResponse();
		ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
		if (metadata != null) {
			setString(record, "gen_ai.response.id", metadata.getId());
			setString(record, "gen_ai.response.model", metadata.getModel());
			Usage usage = metadata.getUsage();
			if (usage != null && usage.getPromptTokens() != null) {
				record.setAttribute("gen_ai.usage.input_tokens", usage.getPromptTokens().longValue());
			}
			if (usage != null && usage.getCompletionTokens() != null) {
				record.setAttribute("gen_ai.usage.output_tokens", usage.getCompletionTokens().longValue());
			}
		}
	}

	private static void image(ImageModelObservationContext image, LogRecordBuilder record) {
		record.setAttribute("gen_ai.output.type", "image");
		ImageOptions options = image.getRequest().getOptions();
		if (options != null) {
			setString(record, "gen_ai.request.model", options.getModel());
			if (options.getN() != null && options.getN() != 1) {
				record.setAttribute("gen_ai.request.choice.count", options.getN().longValue());
			}
		}
	}

	private static void setString(LogRecordBuilder record, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			record.setAttribute(key, value);
		}
	}

	private static void setDouble(LogRecordBuilder record, String key, @Nullable Double value) {
		if (value != null) {
			record.setAttribute(key, value.doubleValue());
		}
	}

	/**
	 * Returns the context of the model's span: the span has ended, or at least is no
	 * longer current, when the observation stops, so it is rebuilt from its ids.
	 */
	private static Context contextOf(SpanInfo span) {
		if (!span.isKnown()) {
			return Context.current();
		}
		SpanContext spanContext = SpanContext.create(Objects.requireNonNull(span.traceId()),
				Objects.requireNonNull(span.spanId()),
				span.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
		return Context.root().with(Span.wrap(spanContext));
	}

	/** Returns message JSON as the structured value an event attribute holds. */
	private static Value<?> value(JsonNode node) {
		if (node.isObject()) {
			Map<String, Value<?>> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				fields.put(field.getKey(), value(field.getValue()));
			}
			return Value.of(fields);
		}
		if (node.isArray()) {
			List<Value<?>> items = new ArrayList<>(node.size());
			for (JsonNode item : node.values()) {
				items.add(value(item));
			}
			return Value.of(items);
		}
		if (node.isBoolean()) {
			return Value.of(node.booleanValue());
		}
		if (node.isIntegralNumber()) {
			return Value.of(node.longValue());
		}
		if (node.isNumber()) {
			return Value.of(node.doubleValue());
		}
		if (node.isNull()) {
			return Value.empty();
		}
		return Value.of(node.stringValue());
	}

}
