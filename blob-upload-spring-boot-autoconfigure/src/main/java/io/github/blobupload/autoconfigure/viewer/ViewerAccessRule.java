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

import java.util.Locale;

import io.github.blobupload.viewer.ViewerAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Decides, once at startup, who the viewer answers ({@link ViewerAccess}), and says so in
 * the log:
 * <ul>
 * <li>{@code blob.upload.viewer.allow-remote=true}: every request that reaches it;</li>
 * <li>a forward-headers strategy in effect ({@code server.forward-headers-strategy}
 * {@code native} or {@code framework}, or a cloud platform such as Kubernetes that turns
 * it on) makes the connection's peer a value any client can send: with Spring Security,
 * authenticated requests only; without it, startup fails;</li>
 * <li>with Spring Security on the class path, authenticated requests and local ones;</li>
 * <li>otherwise local requests only.</li>
 * </ul>
 */
final class ViewerAccessRule {

	static final String ALLOW_REMOTE = "blob.upload.viewer.allow-remote";

	static final String FORWARD_HEADERS_STRATEGY = "server.forward-headers-strategy";

	static final String SPRING_SECURITY = "org.springframework.security.web.SecurityFilterChain";

	private static final Logger logger = LoggerFactory.getLogger(ViewerAccessRule.class);

	private ViewerAccessRule() {
	}

	/**
	 * Decides who the viewer answers and logs it.
	 * @param allowRemote {@code blob.upload.viewer.allow-remote}
	 * @param springSecurity whether Spring Security's web support is on the class path
	 * @param environment the environment, for the forward-headers strategy
	 * @param path the viewer's path, for the log
	 * @return who the viewer answers
	 * @throws InvalidConfigurationPropertyValueException if the viewer would answer local
	 * requests only while a forward-headers strategy is in effect
	 */
	static ViewerAccess decide(boolean allowRemote, boolean springSecurity, Environment environment, String path) {
		String problem = problem(allowRemote, springSecurity, environment, path);
		if (problem != null) {
			// Reported before any bean is created by ViewerConfigurationCheck; kept for a
			// context whose checks did not run.
			throw new InvalidConfigurationPropertyValueException(ALLOW_REMOTE, false, problem);
		}
		if (allowRemote) {
			logger.warn("The blob viewer at {} answers every request that reaches it ({}=true): protect that path "
					+ "with the application's security, as it serves people's stored images, documents and voices.",
					path, ALLOW_REMOTE);
			return ViewerAccess.OPEN;
		}
		String forwarding = forwardHeaders(environment);
		if (forwarding != null) {
			logger.info("The blob viewer at {} answers authenticated requests only: with {} a request's address "
					+ "cannot tell a local one.", path, forwarding);
			return ViewerAccess.AUTHENTICATED;
		}
		if (springSecurity) {
			logger.warn("The blob viewer at {} answers authenticated requests, and unauthenticated ones whose "
					+ "connection comes from this machine. Require a role for it with a SecurityFilterChain "
					+ "matching BlobViewerRequest.toViewer(); a reverse proxy on this machine would make the "
					+ "requests it forwards local.", path);
			return ViewerAccess.AUTHENTICATED_OR_LOCAL;
		}
		logger.warn("The blob viewer at {} answers requests whose connection comes from this machine, and refuses "
				+ "those that carry a forwarding header. It cannot tell a reverse proxy on this machine that adds "
				+ "no such header from a local user: route no proxy to it, or protect it with Spring Security.", path);
		return ViewerAccess.LOCAL;
	}

	/**
	 * Returns why the viewer cannot be served as configured, or {@code null} when it can:
	 * it would answer local requests only while a forward-headers strategy makes a
	 * request's address a value any client can send.
	 * @param allowRemote {@code blob.upload.viewer.allow-remote}
	 * @param springSecurity whether Spring Security's web support is on the class path
	 * @param environment the environment, for the forward-headers strategy
	 * @param path the viewer's path, for the message
	 * @return what is wrong and what to do, or {@code null}
	 */
	static @Nullable String problem(boolean allowRemote, boolean springSecurity, Environment environment, String path) {
		String forwarding = forwardHeaders(environment);
		if (allowRemote || springSecurity || forwarding == null) {
			return null;
		}
		return "The blob viewer answers requests from this machine only, but with " + forwarding
				+ " a request's address comes from headers any client can send, so no request can be told to be "
				+ "local. Protect the viewer with Spring Security (it then answers authenticated requests only), "
				+ "set " + ALLOW_REMOTE + "=true and protect " + path + " yourself, or set " + FORWARD_HEADERS_STRATEGY
				+ "=none if no proxy is in front.";
	}

	/**
	 * Returns the forward-headers strategy in effect, as a user would name it, or
	 * {@code null} when none is: an explicit {@code none} overrides what a detected cloud
	 * platform would turn on, as in Spring Boot's own web server customizers.
	 */
	private static @Nullable String forwardHeaders(Environment environment) {
		String strategy = Binder.get(environment).bind(FORWARD_HEADERS_STRATEGY, String.class).orElse(null);
		if (strategy != null && !strategy.isBlank()) {
			return strategy.trim().equalsIgnoreCase("none") ? null
					: FORWARD_HEADERS_STRATEGY + "=" + strategy.trim().toLowerCase(Locale.ROOT);
		}
		CloudPlatform platform = CloudPlatform.getActive(environment);
		return (platform != null && platform.isUsingForwardHeaders())
				? FORWARD_HEADERS_STRATEGY + " turned on by the detected cloud platform " + platform : null;
	}

}
