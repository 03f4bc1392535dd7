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

package io.github.blobupload.sample.ai;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the blob viewer of the Spring AI sample in a real browser: headless Chromium,
 * driven through Debian's chromedriver (installed by the build when missing), opens the
 * trace page the sample prints and checks that the chart rendered and the WAV plays.
 */
class ViewerBrowserIntegrationTests {

	@TempDir
	Path folder;

	private SpringAiSampleApplication.Run run;

	private ChromeDriver browser;

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.run != null) {
			this.run.exit();
		}
	}

	@Test
	void tracePageShowsTheImagesAndPlaysTheAudio() throws IOException {
		this.run = SpringAiSampleApplication.start(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		String tracePage = this.run.tracePageUrl();
		assertThat(tracePage).isNotNull();
		this.browser = startBrowser();
		JavascriptExecutor script = this.browser;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));

		this.browser.get(tracePage);

		List<WebElement> images = this.browser.findElements(By.cssSelector(".card img"));
		assertThat(images).as("the chart sent to the chat model and the generated infographic").hasSize(2);
		wait.until((driver) -> (Boolean) script
			.executeScript("return Array.from(document.images).every((image) => image.complete)"));
		for (WebElement image : images) {
			Number width = (Number) script.executeScript("return arguments[0].naturalWidth", image);
			assertThat(width.intValue()).as(image.getAttribute("src")).isPositive();
		}
		WebElement audio = this.browser.findElement(By.cssSelector(".card audio"));
		wait.until((driver) -> (Boolean) script
			.executeScript("return arguments[0].readyState >= 1 && isFinite(arguments[0].duration)", audio));
		Number duration = (Number) script.executeScript("return arguments[0].duration", audio);
		assertThat(duration.doubleValue()).as("the chime lasts 1.5 s").isBetween(1.4, 1.6);
		assertThat(this.browser.getPageSource()).doesNotContain("<script");

		Path screenshot = Path.of(System.getProperty("blobupload.screenshot", "target/viewer-trace-page.png"));
		Files.createDirectories(screenshot.toAbsolutePath().getParent());
		Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
	}

	private static ChromeDriver startBrowser() {
		// Explicit paths: Selenium Manager would try to download a browser otherwise.
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("blobupload.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("blobupload.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,1180", "--hide-scrollbars", "--mute-audio");
		return new ChromeDriver(service, options);
	}

}
