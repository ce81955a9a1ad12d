package com.partnerline.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WritebackPacerUnitTest {

	@TempDir
	Path pgData;

	@Test
	void syncsEachDataFileOnceForEveryChange() throws Exception {
		Path database = Files.createDirectories(pgData.resolve("base").resolve("5"));
		Path table = Files.write(database.resolve("16384"), new byte[8192]);
		Path index = Files.write(database.resolve("16390"), new byte[8192]);
		Files.createDirectories(pgData.resolve("base").resolve("pgsql_tmp"));
		WritebackPacer pacer = new WritebackPacer(pgData, Duration.ofSeconds(1));

		assertThat(pacer.pass()).as("every file at first").isEqualTo(2);
		assertThat(pacer.pass()).as("nothing written since").isZero();

		Files.write(table, new byte[16384]);
		// the file system's clock may not have moved on yet: make the change visible
		Files.setLastModifiedTime(table, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
		assertThat(pacer.pass()).as("only the table written to").isEqualTo(1);

		Files.delete(index);
		Files.write(database.resolve("16400"), new byte[8192]);
		assertThat(pacer.pass()).as("a new file; a dropped one is forgotten").isEqualTo(1);
		assertThat(pacer.pass()).isZero();
	}

	@Test
	void aPacerThatIsClosedStops() throws Exception {
		Files.createDirectories(pgData.resolve("base").resolve("5"));
		WritebackPacer pacer = new WritebackPacer(pgData, Duration.ofMillis(10)).start();
		Thread.sleep(50);
		pacer.close();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("writeback-pacer"));
	}

}
