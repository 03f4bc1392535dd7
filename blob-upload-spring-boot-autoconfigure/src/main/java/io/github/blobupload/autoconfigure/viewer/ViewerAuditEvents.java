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
package io.github.blobupload.autoconfigure.viewer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.viewer.ViewerRead;
import io.github.blobupload.viewer.ViewerReadListener;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each read of the viewer as a Spring Boot audit event of type {@value #TYPE},
 * as Spring Security's authentication events are: an {@link AuditApplicationEvent}, which
 * Spring Boot's {@code AuditListener} adds to the application's
 * {@code AuditEventRepository} (and {@code /actuator/auditevents} lists). The event's
 * principal is the user's name (empty when the request had none); its data holds
 * {@code remoteAddress}, {@code page}, {@code useCase} (pages of an object),
 * {@code object} or {@code traceId}, and {@code status}.
 */
final class ViewerAuditEvents implements ViewerReadListener {

	/** The audit event type. */
	static final String TYPE = "BLOB_VIEWER_READ";

	private final ApplicationEventPublisher publisher;

	ViewerAuditEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onRead(ViewerRead read) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("remoteAddress", read.peerAddress());
		data.put("page", read.page().tag());
		if (read.useCase() != null) {
			data.put("useCase", read.useCase());
			data.put("object", read.object());
		}
		else {
			data.put("traceId", read.object());
		}
		data.put("status", read.status());
		this.publisher.publishEvent(new AuditApplicationEvent(read.principal(), TYPE, data));
	}

}
