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

package io.github.blobupload.autoconfigure.export;

import java.util.Base64;

import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.ai.BlobUploadSpringAiAutoConfiguration;
import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportGuardCounts;
import io.github.blobupload.export.ExportSignal;
import io.github.blobupload.export.metrics.ExportGuardMetrics;
import io.github.blobupload.export.tracing.GuardingSpanFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadExportAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadExportAutoConfigurationTests {

	private static final ExportContext SPAN = ExportContext.span("0af7651916cd43dd8448eb211c80319c",
			"b7ad6b7169203331");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
				BlobUploadSpringAiAutoConfiguration.class, BlobUploadExportAutoConfiguration.class))
		.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:target/export-context-tests");

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ExportGuard.class)
			.doesNotHaveBean(GuardingSpanFilter.class));
	}

	@Test
	void guardStoresThroughTheSpringAiOffloaderAndHooksSpans(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.export.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ExportGuard.class)
				.hasSingleBean(GuardingSpanFilter.class)
				.hasSingleBean(ExportGuardMetrics.class);
			String exported = context.getBean(ExportGuard.class).guard("gen_ai.input.messages", messages(), SPAN);
			assertThat(exported).contains("\"type\":\"uri\"").contains("file:").doesNotContain("\"blob\"");
			assertThat(context.getBean(MediaOffloader.class).count(MediaOffloadOutcome.UPLOADED)).isOne();
			assertThat(context.getBean(ExportGuardCounts.class).partsOffloaded(ExportSignal.SPAN)).isOne();
		});
		assertThat(output).contains("Export guard on spans: a Micrometer SpanFilter");
	}

	@Test
	void withoutSpringAiTheGuardBuildsItsOwnOffloader() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MediaOffloader.class);
				assertThat(context.getBean(ExportGuard.class).guard("gen_ai.input.messages", messages(), SPAN))
					.contains("\"uri\":\"file:");
			});
	}

	@Test
	void withUploadingOffMediaBecomesMarkers(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.enabled=false")
			.run((context) -> assertThat(
					context.getBean(ExportGuard.class).guard("gen_ai.input.messages", messages(), SPAN))
				.contains("\"uri\":\"/dev/null\",\"stripped_reason\":\"uploading_off\""));
		assertThat(output).contains("replaced by /dev/null markers, since uploading is off");
	}

	@Test
	void spansSwitchedOffMeansNoSpanFilter() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.export.spans.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ExportGuard.class)
				.doesNotHaveBean(GuardingSpanFilter.class));
	}

	@Test
	void noOpenTelemetryBridgeMeansNoSpanFilter() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true")
			.withClassLoader(new FilteredClassLoader(OtelFinishedSpan.class))
			.run((context) -> assertThat(context).hasSingleBean(ExportGuard.class)
				.doesNotHaveBean(GuardingSpanFilter.class));
	}

	@Test
	void usersGuardWins() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true")
			.withBean(ExportGuard.class, () -> ExportGuard.NONE)
			.run((context) -> assertThat(context.getBean(ExportGuard.class)).isSameAs(ExportGuard.NONE));
	}

	@Test
	void examineAboveOfZeroFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.export.examine-above=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.export.examine-above"));
	}

	@Test
	void metersCountWhatTheGuardDid() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true").run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBean(ExportGuardMetrics.class).bindTo(meters);
			ExportGuard guard = context.getBean(ExportGuard.class);
			guard.itemExamined(SPAN);
			guard.guard("gen_ai.input.messages", messages(), SPAN);
			assertThat(meters.get("blob.upload.export.items").tag("signal", "span").functionCounter().count()).isOne();
			assertThat(meters.get("blob.upload.export.parts")
				.tag("signal", "span")
				.tag("outcome", "offloaded")
				.functionCounter()
				.count()).isOne();
		});
	}

	private static String messages() {
		String image = Base64.getEncoder().encodeToString(new byte[2048]);
		return "[{\"role\":\"user\",\"parts\":[{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\","
				+ "\"content\":\"" + image + "\"}]}]";
	}

}
