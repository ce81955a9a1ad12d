package com.partnerline.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.content.ContentAgreements;
import com.partnerline.content.ContentDraft;
import com.partnerline.content.ContentDraft.TranslationDraft;
import com.partnerline.content.ContentKind;
import com.partnerline.content.ContentManagement;
import com.partnerline.content.VirusRating;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.scanner.ThreatDetected;

import org.springframework.stereotype.Component;

/**
 * The demo vendor's content in four languages: a few news items, threat entries with
 * their active periods around today, a week of sample detections for the Virus Rating,
 * and a content agreement for the demo partner. Loaded once (when the vendor has no
 * content yet), also into a demo database made before content existed.
 */
@Component
class DemoContent {

	private final ContentManagement content;

	private final ContentAgreements agreements;

	private final VirusRating rating;

	private final PartnerManagement partners;

	private final Clock clock;

	DemoContent(ContentManagement content, ContentAgreements agreements, VirusRating rating,
			PartnerManagement partners, Clock clock) {
		this.content = content;
		this.agreements = agreements;
		this.rating = rating;
		this.partners = partners;
		this.clock = clock;
	}

	void load(Vendor vendor) {
		if (content.count(vendor.id(), null) > 0) {
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		news(vendor, ContentKind.AV_NEWS, 3, t("Kaspersky Anti-Virus 2027 released",
				"The new version scans 30% faster and adds protection against fileless attacks."),
				t("Вышел Антивирус Касперского 2027", "Новая версия сканирует на 30% быстрее и защищает от бесфайловых атак."),
				t("Kaspersky Anti-Virus 2027 est disponible",
						"La nouvelle version analyse 30\u00A0% plus vite et protège contre les attaques sans fichier."),
				t("Kaspersky Anti-Virus 2027 erschienen",
						"Die neue Version scannt 30 % schneller und schützt vor dateilosen Angriffen."));
		news(vendor, ContentKind.AV_NEWS, 1, t("Database update: protection against the new LockBit variant",
				"Today's signature update detects the latest LockBit builds before they encrypt files."),
				t("Обновление баз: защита от нового варианта LockBit",
						"Сегодняшнее обновление сигнатур обнаруживает новые сборки LockBit до шифрования файлов."),
				null, t("Datenbank-Update: Schutz vor der neuen LockBit-Variante",
						"Das heutige Signatur-Update erkennt die neuesten LockBit-Versionen, bevor sie Dateien verschlüsseln."));
		news(vendor, ContentKind.VIRUS_NEWS, 2, t("Phishing wave imitates parcel services",
				"Fake delivery notices lead to pages that steal card data. Never pay customs fees through a link."),
				t("Волна фишинга под видом служб доставки",
						"Поддельные уведомления о доставке ведут на страницы, крадущие данные карт."),
				t("Vague d’hameçonnage imitant les services de livraison",
						"De faux avis de livraison mènent à des pages qui volent les données de carte."),
				t("Phishing-Welle imitiert Paketdienste",
						"Gefälschte Zustellbenachrichtigungen führen zu Seiten, die Kartendaten stehlen."));
		news(vendor, ContentKind.VIRUS_NEWS, 0, t("Botnet of 40,000 routers taken down",
				"Police and researchers seized the command servers of a botnet built from home routers."),
				t("Ликвидирован ботнет из 40 000 роутеров",
						"Полиция и исследователи изъяли управляющие серверы ботнета из домашних роутеров."),
				null, null);
		threat(vendor, "Trojan-Banker.Win32.Qbot", "TROJAN", 5, today.minusDays(20), today.plusDays(10),
				t("Trojan-Banker.Win32.Qbot", "Steals online banking credentials from infected computers.",
						"Run a full scan, then change your banking passwords from a clean device."),
				t("Trojan-Banker.Win32.Qbot", "Крадёт данные для входа в онлайн-банк.",
						"Выполните полную проверку и смените пароли банка с чистого устройства."),
				t("Trojan-Banker.Win32.Qbot", "Vole les identifiants bancaires en ligne.",
						"Lancez une analyse complète, puis changez vos mots de passe bancaires depuis un appareil sain."),
				t("Trojan-Banker.Win32.Qbot", "Stiehlt Zugangsdaten für das Online-Banking.",
						"Führen Sie einen vollständigen Scan durch und ändern Sie Ihre Bankpasswörter auf einem sauberen Gerät."));
		threat(vendor, "Trojan-Ransom.Win32.LockBit", "RANSOMWARE", 5, today.minusDays(5), null,
				t("Trojan-Ransom.Win32.LockBit", "Encrypts files and demands a ransom.",
						"Disconnect the computer, scan it and restore files from a backup."),
				t("Trojan-Ransom.Win32.LockBit", "Шифрует файлы и требует выкуп.",
						"Отключите компьютер от сети, проверьте его и восстановите файлы из резервной копии."),
				null, t("Trojan-Ransom.Win32.LockBit", "Verschlüsselt Dateien und fordert Lösegeld.",
						"Trennen Sie den Computer vom Netz, scannen Sie ihn und stellen Sie Dateien aus einer Sicherung wieder her."));
		threat(vendor, "Worm.Win32.AutoRun", "WORM", 3, today.minusDays(40), today.plusDays(3),
				t("Worm.Win32.AutoRun", "Spreads through USB drives.", "Turn off AutoRun and scan removable drives."),
				t("Worm.Win32.AutoRun", "Распространяется через USB-накопители.",
						"Отключите автозапуск и проверяйте съёмные диски."),
				t("Worm.Win32.AutoRun", "Se propage par les clés USB.",
						"Désactivez l’exécution automatique et analysez les supports amovibles."),
				null);
		threat(vendor, "Eicar-Test-Signature", "TEST", 1, today.minusDays(60), null,
				t("EICAR test file", "A harmless file every antivirus detects, used to test scanners.", null),
				t("Тестовый файл EICAR", "Безвредный файл, который обнаруживают все антивирусы.", null),
				t("Fichier de test EICAR", "Un fichier inoffensif que tout antivirus détecte.", null),
				t("EICAR-Testdatei", "Eine harmlose Datei, die jeder Virenscanner erkennt.", null));
		Instant now = clock.instant();
		detections("Trojan-Banker.Win32.Qbot", 14, now);
		detections("Trojan-Ransom.Win32.LockBit", 9, now);
		detections("Worm.Win32.AutoRun", 22, now);
		detections("Eicar-Test-Signature", 6, now);
		partners.findByCode("demo")
			.ifPresent(demo -> agreements.create(vendor, new ContentAgreements.Draft(demo.id().toString(), null,
					List.of("av-news", "virus-news", "virus-rating", "virus-calendar"), 10, "DAILY",
					"Publish the items unchanged, with a link to the source; no more than 10 items per feed.")));
	}

	private void news(Vendor vendor, ContentKind kind, int daysAgo, TranslationDraft en, TranslationDraft ru,
			TranslationDraft fr, TranslationDraft de) {
		content.create(vendor, kind, new ContentDraft(null, null, null, texts(en, ru, fr, de), false,
				clock.instant().minus(Duration.ofDays(daysAgo)).atOffset(ZoneOffset.UTC).toString(), null, null, null,
				null, null, null, null, null), "demo");
	}

	private void threat(Vendor vendor, String name, String type, int danger, LocalDate from, LocalDate to,
			TranslationDraft en, TranslationDraft ru, TranslationDraft fr, TranslationDraft de) {
		content.create(vendor, ContentKind.THREAT,
				new ContentDraft(null, null, null, texts(en, ru, fr, de), false, null, name, type, danger,
						from.toString(), from.toString(), to == null ? null : to.toString(), null, null),
				"demo");
	}

	/** Sample detections spread over the last week, the most recent ones in the last day. */
	private void detections(String threat, int count, Instant now) {
		for (int i = 0; i < count; i++) {
			rating.record(new ThreatDetected(UUID.randomUUID(), List.of(threat), "0".repeat(64), null, null,
					now.minus(Duration.ofHours(3L + (long) i * 150 / count))));
		}
	}

	private static Map<String, TranslationDraft> texts(TranslationDraft en, TranslationDraft ru, TranslationDraft fr,
			TranslationDraft de) {
		Map<String, TranslationDraft> texts = new java.util.LinkedHashMap<>();
		texts.put("en", en);
		if (ru != null) {
			texts.put("ru", ru);
		}
		if (fr != null) {
			texts.put("fr", fr);
		}
		if (de != null) {
			texts.put("de", de);
		}
		return texts;
	}

	private static TranslationDraft t(String title, String body) {
		return new TranslationDraft(title, body, null, null);
	}

	private static TranslationDraft t(String title, String body, String removal) {
		return new TranslationDraft(title, body, null, removal);
	}

}
