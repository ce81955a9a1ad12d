package com.partnerline.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.partnerline.audit.AuditLog;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;
import com.partnerline.partners.Partner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's data export (GDPR Art. 15 and 20): every module's
 * {@link PersonalData} part and the audit entries about the partner, read in one
 * transaction, written as one zip: {@code partner.json} with every part, and one CSV file
 * per part (RFC 4180, header first, through {@link CsvWriter}).
 */
@Service
class PartnerExport {

	private final List<PersonalData> modules;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	PartnerExport(List<PersonalData> modules, AuditLog audit, JsonMapper json, Clock clock) {
		this.modules = modules;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Everything about the partner, every part only with that partner's rows. */
	@Transactional(readOnly = true)
	public List<PersonalData.Table> collect(Partner partner) {
		List<PersonalData.Table> tables = new ArrayList<>();
		for (PersonalData module : modules) {
			tables.addAll(module.export(partner.id()));
		}
		List<List<@Nullable Object>> entries = new ArrayList<>();
		for (AuditLog.Entry entry : audit.entriesOf(List.of(partner.id().toString()), List.of(partner.email()))) {
			entries.add(java.util.Arrays.asList(entry.occurredAt().atOffset(ZoneOffset.UTC).toString(), entry.actor(),
					entry.action(), entry.subject(), entry.details()));
		}
		tables.add(new PersonalData.Table("audit-entries", List.of("occurred_at", "actor", "action", "subject", "details"),
				entries));
		tables.sort(java.util.Comparator.comparing(PersonalData.Table::name));
		return tables;
	}

	/** Writes the zip of {@code tables} to {@code out} (not closed). */
	public void write(PartnerId partner, List<PersonalData.Table> tables, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("partnerId", partner.toString());
		document.put("exportedAt", clock.instant().atOffset(ZoneOffset.UTC).toString());
		Map<String, Object> parts = new LinkedHashMap<>();
		for (PersonalData.Table table : tables) {
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			for (List<@Nullable Object> row : table.rows()) {
				Map<String, @Nullable Object> object = new LinkedHashMap<>();
				for (int i = 0; i < table.columns().size(); i++) {
					object.put(table.columns().get(i), row.get(i));
				}
				rows.add(object);
			}
			parts.put(table.name(), rows);
		}
		document.put("parts", parts);
		zip.putNextEntry(new ZipEntry("partner.json"));
		zip.write(json.writer().withDefaultPrettyPrinter().writeValueAsBytes(document));
		zip.closeEntry();
		for (PersonalData.Table table : tables) {
			zip.putNextEntry(new ZipEntry(table.name() + ".csv"));
			Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			CsvWriter csv = new CsvWriter(writer, table.columns().toArray(String[]::new));
			for (List<@Nullable Object> row : table.rows()) {
				csv.row(row.toArray());
			}
			writer.flush();
			zip.closeEntry();
		}
		zip.finish();
	}

}
