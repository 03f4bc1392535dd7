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

package io.github.blobupload.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local HTTP server (WireMock) the client talks to instead of the store, to cause the
 * faults a real store cannot be made to produce on cue: error answers for the next
 * requests or for all of them, and answers held back for as long as the test wants. When
 * no fault is set, every request gets the store's {@link StorageTarget#successAnswer()
 * normal answer}: passed on to the real emulator (with the client's Host header, so that
 * request signatures still match) or a success as the store sends it.
 */
public final class FaultInjector implements AutoCloseable {

	private static final int FAULT_PRIORITY = 1;

	private static final String FAULTS = "faults";

	private final Gate gate = new Gate();

	private final WireMockServer server;

	private final List<StubMapping> faults = new ArrayList<>();

	private final ResponseDefinitionBuilder normalAnswer;

	/**
	 * Starts a server in front of the given store.
	 * @param target the store whose normal answers to give
	 */
	public FaultInjector(StorageTarget target) {
		this(target.successAnswer());
	}

	/**
	 * Starts a server whose normal answer is the given one, such as a proxy to an
	 * emulator of the test's own.
	 * @param normalAnswer the answer when no fault is set
	 */
	public FaultInjector(ResponseDefinitionBuilder normalAnswer) {
		this.server = new WireMockServer(options().bindAddress("127.0.0.1")
			.dynamicPort()
			.preserveHostHeader(true)
			.containerThreads(50)
			.extensions(this.gate));
		this.server.start();
		this.normalAnswer = normalAnswer;
		this.server.stubFor(any(anyUrl()).atPriority(10).willReturn(normalAnswer));
	}

	/**
	 * Returns the port the client is pointed at.
	 * @return the loopback port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Answers the next requests with the given answer, then normally again.
	 * @param times how many requests
	 * @param answer the answer
	 */
	public void failNext(int times, ResponseDefinitionBuilder answer) {
		for (int i = 0; i < times; i++) {
			this.faults.add(this.server.stubFor(any(anyUrl()).atPriority(FAULT_PRIORITY)
				.inScenario(FAULTS)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "fault-" + i)
				.willSetStateTo("fault-" + (i + 1))
				.willReturn(answer)));
		}
	}

	/**
	 * Answers every request with the given answer until {@link #heal()}.
	 * @param answer the answer
	 */
	public void failAlways(ResponseDefinitionBuilder answer) {
		this.faults.add(this.server.stubFor(any(anyUrl()).atPriority(FAULT_PRIORITY).willReturn(answer)));
	}

	/**
	 * Answers requests of one HTTP method normally the first {@code after} times, then
	 * with the given answer until {@link #heal()}: a store that stops taking, say,
	 * deletes halfway through a run. Requests of other methods are answered normally.
	 * @param method the HTTP method, such as {@code DELETE}
	 * @param after how many requests of that method pass first (0 fails them all)
	 * @param answer the answer after that
	 */
	public void failMethodAfter(String method, int after, ResponseDefinitionBuilder answer) {
		String scenario = "method-" + method;
		for (int i = 0; i < after; i++) {
			this.faults.add(this.server.stubFor(request(method, anyUrl()).atPriority(FAULT_PRIORITY)
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "passed-" + i)
				.willSetStateTo("passed-" + (i + 1))
				.willReturn(this.normalAnswer)));
		}
		this.faults.add(this.server.stubFor(request(method, anyUrl()).atPriority(FAULT_PRIORITY)
			.inScenario(scenario)
			.whenScenarioStateIs((after == 0) ? Scenario.STARTED : "passed-" + after)
			.willReturn(answer)));
	}

	/** Removes every fault: requests get normal answers again. */
	public void heal() {
		this.faults.forEach(this.server::removeStub);
		this.faults.clear();
		this.server.resetScenarios();
	}

	/**
	 * Holds back every answer, normal or not, until {@link #release()}: the store is
	 * reachable but does not answer.
	 */
	public void hold() {
		this.gate.close();
	}

	/** Lets held answers go, and answers new requests at once again. */
	public void release() {
		this.gate.open();
	}

	/**
	 * Returns how many requests have reached the server, including held ones.
	 * @return the request count
	 */
	public int requests() {
		return this.gate.arrivals.get();
	}

	/**
	 * Returns the requests that reached the server, in order, as they were sent.
	 * @return the requests
	 */
	public List<LoggedRequest> recorded() {
		return this.server.findAll(anyRequestedFor(anyUrl()));
	}

	/** Releases held answers and stops the server. */
	@Override
	public void close() {
		release();
		this.server.stop();
	}

	/** Counts requests and holds their answers while closed. */
	private static final class Gate implements ResponseDefinitionTransformerV2 {

		private final AtomicInteger arrivals = new AtomicInteger();

		private volatile CountDownLatch latch = new CountDownLatch(0);

		void close() {
			this.latch = new CountDownLatch(1);
		}

		void open() {
			this.latch.countDown();
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.arrivals.incrementAndGet();
			try {
				// Bounded, so that a test that forgets to release cannot hang the build.
				this.latch.await(2, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "gate";
		}

	}

}
