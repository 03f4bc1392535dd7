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

package io.github.blobupload.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.blobupload.BlobUploadStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lines {@link UploadLog} writes.
 */
class UploadLogTests {

	private final UploadCounters counters = new UploadCounters();

	private final UploadLog log = new UploadLog("test", this.counters, Duration.ofHours(1));

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(AsyncBlobUploader.class);

	@BeforeEach
	void capture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void whatTheSpoolHeldIsLoggedOnlyWhenThereIsSomething() {
		this.log.spoolRecovered("/spool", 0, 0, 0);
		assertThat(lines()).isEmpty();
		this.log.spoolRecovered("/spool", 1, 5, 0);
		this.log.spoolRecovered("/spool", 0, 0, 1);
		this.log.spoolRecovered("/spool", 2, 9, 2);
		assertThat(lines()).containsExactly(
				"Blob uploader 'test' found 1 blob (5 bytes) left in its spool /spool by an earlier run; uploading them now",
				"Blob uploader 'test' found 0 blobs (0 bytes) left in its spool /spool by an earlier run; uploading them "
						+ "now; 1 unreadable file was renamed *.corrupt and skipped",
				"Blob uploader 'test' found 2 blobs (9 bytes) left in its spool /spool by an earlier run; uploading them "
						+ "now; 2 unreadable files were renamed *.corrupt and skipped");
	}

	@Test
	void aShutdownLogsWhatItLostOrElseWhatItCarriedOver() {
		this.log.shutdownIncomplete(5_000_000, 0, 0, Duration.ofSeconds(1), stats(0));
		assertThat(lines()).isEmpty();
		this.log.shutdownIncomplete(5_000_000, 0, 0, Duration.ofSeconds(1), stats(3));
		this.log.shutdownIncomplete(5_000_000, 1, 7, Duration.ofSeconds(1), stats(3));
		assertThat(lines()).containsExactly(
				"Blob uploader 'test' shut down with 3 blobs not yet uploaded left in its spool for the next start",
				"Blob uploader 'test' shut down after 5 ms with 1 blobs (7 bytes) not uploaded: the shutdown timeout "
						+ "of PT1S ran out; totals: 0 uploaded, 0 failed, 0 dropped, 0 deduplicated");
	}

	@Test
	void aParkingSaysHowManyAttemptsInWords() {
		this.log.parked("mem://a", new IOException("refused"), 1);
		assertThat(lines()).singleElement()
			.asString()
			.startsWith("Blob uploader 'test' parked mem://a after 1 attempt (IOException: refused)");
		UploadLog other = new UploadLog("test", this.counters, Duration.ofHours(1));
		other.parked("mem://b", new IOException("refused"), 2);
		assertThat(lines()).last().asString().startsWith("Blob uploader 'test' parked mem://b after 2 attempts (");
	}

	private List<String> lines() {
		return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static BlobUploadStats stats(long carriedOver) {
		return new BlobUploadStats(0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 1, 1, 0, null, null, true,
				new BlobUploadStats.Parked(0, 0, Duration.ZERO, 0, 0),
				new BlobUploadStats.Spool(true, true, 0, 0, 0, 0, carriedOver, 0, 0));
	}

}
