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

package io.github.blobupload.ai.offload;

import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.util.ClassUtils;

/**
 * Finds the conversation a model call belongs to, nearest first: a {@value #ATTRIBUTE}
 * key-value on the call's observation or on any enclosing one (an application's "turn"
 * observation, say), or the {@link ChatMemory#CONVERSATION_ID} parameter of the enclosing
 * {@code ChatClient} call (the one chat memory advisors read).
 */
public final class Conversations {

	/** The OpenTelemetry GenAI attribute naming the conversation. */
	public static final String ATTRIBUTE = "gen_ai.conversation.id";

	private static final boolean CHAT_CLIENT_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.chat.client.ChatClientRequest", Conversations.class.getClassLoader());

	private static final int MAX_DEPTH = 32;

	private Conversations() {
	}

	/**
	 * Returns the conversation of an observation, looking at it and its ancestors.
	 * @param context the observation's context
	 * @return the conversation id, or {@code null} when none is known
	 */
	public static @Nullable String of(Observation.ContextView context) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			String id = own(current);
			if (id != null) {
				return id;
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

	/**
	 * Returns the conversation id found in a chat client request's context.
	 * @param context the request's context
	 * @return the id, or {@code null}
	 */
	public static @Nullable String of(Map<String, Object> context) {
		Object id = context.get(ChatMemory.CONVERSATION_ID);
		return (id != null && !id.toString().isBlank()) ? id.toString() : null;
	}

	private static @Nullable String own(Observation.ContextView context) {
		KeyValue keyValue = context.getHighCardinalityKeyValue(ATTRIBUTE);
		if (keyValue == null) {
			keyValue = context.getLowCardinalityKeyValue(ATTRIBUTE);
		}
		if (keyValue != null && !keyValue.getValue().isBlank() && !KeyValue.NONE_VALUE.equals(keyValue.getValue())) {
			return keyValue.getValue();
		}
		return CHAT_CLIENT_PRESENT ? ChatClientContexts.conversationId(context) : null;
	}

	/** Reads chat client contexts; loaded only when spring-ai-client-chat is present. */
	private static final class ChatClientContexts {

		static @Nullable String conversationId(Observation.ContextView context) {
			ChatClientRequest request = null;
			if (context instanceof AdvisorObservationContext advisor) {
				request = advisor.getChatClientRequest();
			}
			else if (context instanceof ChatClientObservationContext client) {
				request = client.getRequest();
			}
			return (request != null) ? of(request.context()) : null;
		}

	}

}
