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

package io.github.blobupload.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureSelector;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code blobErasure} actuator endpoint: erases by conversation, trace or owner
 * through the {@link BlobErasure} bean and answers with the receipt. A {@code POST} to
 * {@code /actuator/blobErasure} with exactly one of {@code conversation}, {@code trace}
 * or {@code owner}, and {@code dryRun}, which is {@code true} unless given as
 * {@code false}: a bare request never deletes.
 * <p>
 * Like Spring Boot's {@code shutdown} endpoint, it is off unless switched on by name
 * ({@code management.endpoint.bloberasure.access=unrestricted}) and exposed
 * ({@code management.endpoints.web.exposure.include=blobErasure}), and secured as every
 * actuator endpoint is by the application's Spring Security configuration. A refused
 * request answers 400 with a message that never repeats the value given.
 */
@Endpoint(id = "blobErasure", defaultAccess = Access.NONE)
public class BlobErasureEndpoint {

	private final BlobErasure erasure;

	/**
	 * Creates the endpoint.
	 * @param erasure the erasure it runs
	 */
	public BlobErasureEndpoint(BlobErasure erasure) {
		this.erasure = Objects.requireNonNull(erasure, "erasure must not be null");
	}

	/**
	 * Erases the content of one conversation, trace or owner, or says what would be
	 * erased.
	 * @param conversation a conversation id
	 * @param trace a trace id (32 hex digits)
	 * @param owner an owner, as the application's {@code BlobOwnerResolver} returns it
	 * @param dryRun {@code false} to delete; anything else is refused, and no value means
	 * {@code true}
	 * @return the receipt: {@code kind}, {@code dryRun}, {@code complete},
	 * {@code deleted}, {@code kept}, {@code failed}, {@code notes}, {@code finishedAt}
	 */
	@WriteOperation
	public Map<String, Object> erase(@Nullable String conversation, @Nullable String trace, @Nullable String owner,
			@Nullable String dryRun) {
		ErasureSelector selector = selector(conversation, trace, owner);
		return describe(this.erasure.erase(selector, dryRun(dryRun)));
	}

	private static ErasureSelector selector(@Nullable String conversation, @Nullable String trace,
			@Nullable String owner) {
		List<ErasureSelector.Kind> given = new ArrayList<>(1);
		if (conversation != null) {
			given.add(ErasureSelector.Kind.CONVERSATION);
		}
		if (trace != null) {
			given.add(ErasureSelector.Kind.TRACE);
		}
		if (owner != null) {
			given.add(ErasureSelector.Kind.OWNER);
		}
		if (given.size() != 1) {
			throw refused("Give exactly one of conversation, trace or owner");
		}
		try {
			return switch (given.get(0)) {
				case CONVERSATION -> ErasureSelector.conversation(conversation);
				case TRACE -> ErasureSelector.trace(trace);
				case OWNER -> ErasureSelector.owner(owner);
			};
		}
		catch (IllegalArgumentException ex) {
			// The selector's messages never show the value.
			throw refused(String.valueOf(ex.getMessage()));
		}
	}

	private static boolean dryRun(@Nullable String dryRun) {
		if (dryRun == null) {
			return true;
		}
		return switch (dryRun.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw refused("dryRun must be true or false");
		};
	}

	private static InvalidEndpointRequestException refused(String reason) {
		return new InvalidEndpointRequestException(reason, reason);
	}

	private static Map<String, Object> describe(ErasureReceipt receipt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", receipt.kind());
		body.put("dryRun", receipt.dryRun());
		body.put("complete", receipt.complete());
		body.put("deleted", receipt.deleted());
		body.put("kept", receipt.kept().stream().map((kept) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("uri", kept.uri());
			entry.put("reason", kept.reason().name().toLowerCase(Locale.ROOT));
			return entry;
		}).toList());
		body.put("failed", receipt.failed().stream().map((failed) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("uri", failed.uri());
			entry.put("reason", failed.reason());
			return entry;
		}).toList());
		body.put("notes", receipt.notes());
		body.put("finishedAt", receipt.finishedAt().toString());
		return body;
	}

}
