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
package io.github.blobupload.viewer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ViewerAuditLog}.
 */
class ViewerAuditLogTests {

	@Test
	void safeValuesAreWrittenAsTheyAre() {
		assertThat(ViewerAuditLog.value("ops@example.com")).isEqualTo("ops@example.com");
		assertThat(ViewerAuditLog.value("2001:db8::1")).isEqualTo("2001:db8::1");
		assertThat(ViewerAuditLog.value(null)).isEqualTo("-");
	}

	@Test
	void valuesThatCouldForgeALineAreQuotedAndEscaped() {
		assertThat(ViewerAuditLog.value("eve\nBlob viewer read: principal=ops"))
			.isEqualTo("\"eve\\u000aBlob viewer read: principal=ops\"");
		assertThat(ViewerAuditLog.value("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
		assertThat(ViewerAuditLog.value("x\u202Egnp.exe")).isEqualTo("\"x\\u202egnp.exe\"");
		assertThat(ViewerAuditLog.value("tab\there\u0085next")).isEqualTo("\"tab\\u0009here\\u0085next\"");
		assertThat(ViewerAuditLog.value("Zoë Müller")).isEqualTo("\"Zoë Müller\"");
	}

	@Test
	void longValuesAreCut() {
		String written = ViewerAuditLog.value("a".repeat(5000));
		assertThat(written).hasSize(ViewerAuditLog.MAX_VALUE_LENGTH + 5).endsWith("...\"");
	}

}
