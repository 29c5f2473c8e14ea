package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Encoding detection on short files, the hard case: a few Russian queue names among digits. */
class TextEncodingTest {

    static final List<String> NAMES = List.of("Счета", "Карты", "Кредиты", "Ипотека", "Вклады", "Жалобы", "Техподдержка",
            "Продажи", "Информирование", "Опросы", "Горячая линия", "Служба заботы", "Физлица", "Юрлица", "Ночная смена",
            "Входящие", "Исходящие", "Претензии", "Обслуживание", "Регионы", "Москва", "Санкт-Петербург", "Екатеринбург",
            "Новосибирск", "Розница", "Малый бизнес", "Премиум", "Страхование", "Инвестиции", "Переводы", "Банкоматы",
            "Эквайринг", "Коллекшн", "Абоненты", "Подключение", "Отключение", "Тарифы", "Роуминг", "Доставка", "Возвраты");
    static final List<String> TEMPLATES = List.of(
            "interval_start,queue,offered\n2026-03-02T08:00,%s,10\n2026-03-02T08:00,%s,7\n",
            "queue\n%s\n%s\n",
            "дата;очередь;звонки\n02.03.2026;%s;10\n02.03.2026;%s;7\n");
    static final List<String> CYRILLIC = List.of("windows-1251", "KOI8-R", "IBM866", "ISO-8859-5");

    static TextEncoding.Scan scan(byte[] bytes) throws IOException {
        return TextEncoding.scan(new ByteArrayInputStream(bytes));
    }

    @Test
    void everyShortRussianSampleIsReadInItsOwnCyrillicEncoding() throws IOException {
        List<String> wrong = new ArrayList<>();
        int samples = 0;
        for (String template : TEMPLATES) {
            for (int i = 0; i < NAMES.size(); i++) {
                String a = NAMES.get(i);
                String b = NAMES.get((i + 1) % NAMES.size());
                // as written, in capitals, in lower case
                for (String[] pair : new String[][] {{a, b}, {a.toUpperCase(Locale.ROOT), b.toUpperCase(Locale.ROOT)},
                        {a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT)}}) {
                    String text = String.format(template, pair[0], pair[1]);
                    for (String encoding : CYRILLIC) {
                        samples++;
                        Charset found = scan(text.getBytes(Charset.forName(encoding))).charset();
                        if (!found.equals(Charset.forName(encoding))) {
                            wrong.add(encoding + " read as " + found + ": " + text);
                        }
                    }
                }
            }
        }
        assertThat(samples).isEqualTo(1440);
        assertThat(wrong).isEmpty();
    }

    @Test
    void byteOrderMarksUtf8AndUtf16WithoutMark() throws IOException {
        String text = "queue\nСчета\nКарты\n";
        assertThat(scan(withBom(text, StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF))).satisfies(s -> {
            assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(s.reason()).isEqualTo("byte-order mark");
        });
        assertThat(scan(withBom(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE)).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(scan(withBom(text, StandardCharsets.UTF_16BE, 0xFE, 0xFF)).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(scan(text.getBytes(StandardCharsets.UTF_8))).satisfies(s -> {
            assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(s.reason()).isEqualTo("valid UTF-8");
        });
        assertThat(scan("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)).reason()).isEqualTo("plain ASCII");
        String csv = "interval_start,queue,offered\n2026-03-02T08:00,Счета,10\n";
        assertThat(scan(csv.getBytes(StandardCharsets.UTF_16LE)).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(scan(csv.getBytes(StandardCharsets.UTF_16BE)).charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void aFewBrokenBytesInUtf8TextStayUtf8SoReadingCanNameTheLine() throws IOException {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
        for (int i = 0; i < 20; i++) {
            csv.append("2026-03-02T08:00,Счета,10\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xFF; // one broken byte in the last line
        assertThat(scan(bytes)).satisfies(s -> {
            assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(s.reason()).isEqualTo("mostly valid UTF-8");
        });
    }

    @Test
    void westernTextIsNotTakenForCyrillic() throws IOException {
        String text = "name;city;calls\nMüller;Zürich;10\nGarçon;Besançon;7\nFrançois;Genève;3\nJürgen;Köln;4\n";
        Charset found = scan(text.getBytes(Charset.forName("windows-1252"))).charset();
        assertThat(new String(text.getBytes(Charset.forName("windows-1252")), found)).contains("Müller", "Zürich");
    }

    @Test
    void theScanHashesTheWholeFile() throws Exception {
        byte[] bytes = "a\n1\n".getBytes(StandardCharsets.UTF_8);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(scan(bytes).sha256()).isEqualTo(expected);
    }

    static byte[] withBom(String text, Charset charset, int... bom) {
        byte[] body = text.getBytes(charset);
        byte[] out = new byte[bom.length + body.length];
        for (int i = 0; i < bom.length; i++) {
            out[i] = (byte) bom[i];
        }
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
