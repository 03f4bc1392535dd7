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

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests {@code blob.upload.viewer.delivery=redirect} in headless Chromium against s3proxy
 * and Azurite: the application signs for a browser-facing endpoint ({@code localhost})
 * other than the one it uses ({@code 127.0.0.1}); the blob pages' images and audio load
 * from the store through the redirect, and an SVG comes from the store as a download.
 */
class BlobViewerRedirectBrowserIntegrationTests {

	private static final String TRACE = "7a1f0a9c3b7d4e2f8a6b1c0d9e8f7a6c";

	private static final String SPAN = "d3d2e1f0a9b8c7d6";

	private static final int IMAGE_WIDTH = 120;

	@TempDir
	static Path downloads;

	private static ChromeDriver browser;

	@AfterAll
	static void quit() {
		if (browser != null) {
			browser.quit();
		}
	}

	@ParameterizedTest
	@EnumSource(value = StorageTarget.class, names = { "S3", "AZURE" })
	void imagesAndAudioLoadThroughTheRedirectAndSvgDownloads(StorageTarget target) throws Exception {
		String bucket = UploadProbe.newBucketName("rd");
		target.shared().createBucket(bucket);
		int port = target.shared().port();
		List<String> properties = new ArrayList<>(target.properties(port));
		properties.add("blob.upload.uri-prefix=" + target.uriPrefix(bucket, "media"));
		properties.add("blob.upload.viewer.delivery=redirect");
		String storeOrigin = "http://localhost:" + port;
		properties.add((target == StorageTarget.S3) ? "blob.upload.s3.public-endpoint=" + storeOrigin
				: "blob.upload.azure.public-endpoint=" + storeOrigin + "/" + AzuriteEmulator.ACCOUNT);
		try (ViewerApplication app = ViewerApplication.start(null, properties)) {
			BlobUploader uploader = app.registry().getBlobUploader(null);
			Map<String, String> labels = BlobLabels.forSpan(TRACE, SPAN);
			String png = app.links().linkFor(uploader.uploadAsync(new Blob(picture(), "image/png", labels)));
			String wav = app.links().linkFor(uploader.uploadAsync(new Blob(SampleContent.wav(), "audio/wav", labels)));
			String svg = app.links()
				.linkFor(uploader.uploadAsync(
						new Blob("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8),
								"image/svg+xml", labels)));
			app.flush();

			HttpResponse<byte[]> redirect = app.get(svg);
			assertThat(redirect.statusCode()).isEqualTo(307);
			assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
			String location = redirect.headers().firstValue("Location").orElseThrow();
			assertThat(location).startsWith(storeOrigin + "/");
			HttpResponse<byte[]> fromStore = app.get(location);
			assertThat(fromStore.statusCode()).isEqualTo(200);
			assertThat(fromStore.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment"));
			assertThat(fromStore.headers().firstValue("Content-Type")).hasValue("image/svg+xml");

			if (browser == null) {
				browser = startBrowser(downloads);
			}
			JavascriptExecutor script = browser;
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
			browser.get(blobPage(png));
			WebElement image = browser.findElement(By.cssSelector("img"));
			wait.until((driver) -> (Boolean) script.executeScript("return arguments[0].complete", image));
			assertThat(((Number) script.executeScript("return arguments[0].naturalWidth", image)).intValue())
				.as("the PNG loaded from the store")
				.isEqualTo(IMAGE_WIDTH);
			screenshot(target);

			browser.get(blobPage(wav));
			WebElement audio = browser.findElement(By.cssSelector("audio"));
			wait.until((driver) -> (Boolean) script
				.executeScript("return arguments[0].readyState >= 1 && isFinite(arguments[0].duration)", audio));
			assertThat(((Number) script.executeScript("return arguments[0].duration", audio)).doubleValue())
				.as("100 samples at 16 kHz")
				.isCloseTo(0.00625, offset(0.001));

			browser.get(svg);
			String name = svg.substring(svg.lastIndexOf('/') + 1);
			Path downloaded = downloads.resolve(name);
			wait.until((driver) -> Files.exists(downloaded));
			assertThat(Files.readString(downloaded)).startsWith("<svg");
		}
	}

	/** A picture a person can see on the screenshot: blue, with a red band. */
	private static byte[] picture() throws IOException {
		BufferedImage image = new BufferedImage(IMAGE_WIDTH, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0x1f6feb));
		graphics.fillRect(0, 0, IMAGE_WIDTH, 80);
		graphics.setColor(new Color(0xd73a49));
		graphics.fillRect(0, 30, IMAGE_WIDTH, 20);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

	private static String blobPage(String link) {
		int viewer = link.indexOf("/blob-viewer/") + "/blob-viewer/".length();
		return link.substring(0, viewer) + "blobs/" + link.substring(viewer);
	}

	private static void screenshot(StorageTarget target) throws Exception {
		Path screenshot = Path.of("target", "viewer-redirect-" + target.name().toLowerCase() + ".png");
		Files.createDirectories(screenshot.toAbsolutePath().getParent());
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
	}

	private static ChromeDriver startBrowser(Path downloads) {
		// Explicit paths: Selenium Manager would try to download a browser otherwise.
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("blobupload.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("blobupload.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1000,800", "--hide-scrollbars", "--mute-audio");
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		return new ChromeDriver(service, options);
	}

}
