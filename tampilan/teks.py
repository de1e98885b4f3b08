"""Interface words in Bahasa Indonesia (first) and English (the switch)."""

from __future__ import annotations

import re

BAHASA = ("id", "en")

TEKS: dict[str, tuple[str, str]] = {
    "judul_app": ("Desa Sadar Jaminan Sosial Ketenagakerjaan", "Desa Sadar social security campaign"),
    "ringkasan": ("Ringkasan", "Overview"),
    "saringan": ("Saringan", "Filters"),
    "periode": ("Periode", "Period"),
    "kecamatan": ("Kecamatan", "District (kecamatan)"),
    "desa": ("Desa/Kelurahan", "Village"),
    "program": ("Program", "Programme"),
    "segmen": ("Segmen", "Segment"),
    "semua_kecamatan": ("Semua kecamatan", "All districts"),
    "semua_desa": ("Semua desa", "All villages"),
    "semua_program": ("Semua program", "All programmes"),
    "semua_segmen": ("Semua segmen", "All segments"),
    "bahasa": ("Bahasa", "Language"),
    "label_demo": ("Data contoh (sintetis)", "Sample data (synthetic)"),
    "penjelasan_demo": (
        "Semua angka di layar ini adalah **data contoh (sintetis)** yang dibuat untuk peragaan; "
        "hanya nama desa, kode wilayah, dan acara 2019 yang disebut berita yang nyata. Impor data cabang "
        "untuk menggantinya.",
        "Every figure on this screen is **sample (synthetic) data** made for demonstration; only village "
        "names, region codes and the 2019 events reported in the news are real. Import the branch's data "
        "to replace it.",
    ),
    "data_per": ("Data per", "Data as of"),
    "peserta_aktif": ("Peserta aktif", "Active participants"),
    "pendaftaran_baru": ("Pendaftaran baru", "New sign-ups"),
    "cakupan_bpu": ("Cakupan BPU", "BPU coverage"),
    "capaian_target": ("Capaian target", "Progress to target"),
    "peserta_nonaktif": ("Peserta nonaktif", "Lapsed participants"),
    "aktif_menurut_kepesertaan": ("Aktif = masa kepesertaan tercatat (belum ada data iuran untuk wilayah ini).",
                                  "Active = a recorded enrolment period (no contribution data for this area yet)."),
    "aktif_menurut_iuran": ("Aktif ({segmen}) = iuran bulan itu dibayar, dengan masa tenggang {n} bulan; data iuran "
                            "{dari} sampai {sampai}.",
                            "Active ({segmen}) = that month's contribution paid, with a {n}-month grace period; "
                            "contribution data {dari} to {sampai}."),
    "bantuan_definisi_aktif": (
        "Satu definisi untuk semua angka aktif, peta, target dan kegiatan. Di wilayah dan segmen yang data iurannya "
        "diimpor, peserta aktif pada bulan yang iurannya dibayar; tunggakan sampai masa tenggang belum dihitung "
        "nonaktif, dan bulan sebelum data iuran pertama mengikuti masa kepesertaan.",
        "One definition for every active count, map, target and event. Where contribution data have been imported "
        "for a region and segment, a participant is active in a month that is paid; arrears within the grace period "
        "do not yet count as lapsed, and months before the first contribution data follow the enrolment periods."),
    "iuran_judul": ("Iuran: tertagih, dibayar, berhenti dan kembali", "Contributions: billed, paid, lapsed and returning"),
    "iuran_ditagih": ("Iuran tertagih", "Contributions billed"),
    "iuran_dibayar": ("Iuran dibayar", "Contributions paid"),
    "kolektibilitas": ("Kolektibilitas (%)", "Collection rate (%)"),
    "berhenti_bayar": ("Berhenti membayar", "Lapsed"),
    "kembali_bayar": ("Kembali membayar", "Returning payers"),
    "bantuan_ditagih": ("Iuran bulanan semua peserta yang aktif pada bulan itu (dibayar atau masih dalam masa "
                        "tenggang), dijumlah untuk bulan-bulan periode ini yang tercakup data iuran.",
                        "The monthly contributions of every participant active in the month (paid, or still in the "
                        "grace period), added up over the months of this period that the contribution data cover."),
    "bantuan_kolektibilitas": ("Iuran yang dibayar untuk bulan-bulan itu dibagi iuran tertagihnya. Bulan berjalan "
                               "masih bisa bertambah.",
                               "Contributions paid for those months divided by what was billed for them. The "
                               "running month can still rise."),
    "bantuan_kembali": ("Peserta yang aktif lagi setelah sempat berhenti membayar melewati masa tenggang.",
                        "Participants active again after a lapse beyond the grace period."),
    "iuran_bulan_berjalan": ("Kolektibilitas bulan berjalan tidak digambar: iurannya masih bisa masuk.",
                             "The running month's collection rate is not drawn: its payments are still coming in."),
    "kalimat_iuran": ("Iuran: kolektibilitas {persen} (dibayar {dibayar} dari tertagih {ditagih}); {kembali} peserta "
                      "kembali membayar.",
                      "Contributions: collection rate {persen} ({dibayar} paid of {ditagih} billed); {kembali} "
                      "participants paying again."),
    "iuran_per_dana": ("Per sumber dana", "By funding source"),
    "iuran_semua_program": ("Iuran dibayar per peserta untuk semua programnya sekaligus, jadi bagian ini menghitung "
                            "semua program; saringan program {program} tidak berlaku di sini.",
                            "A contribution is paid per participant for all their programmes at once, so this "
                            "section counts every programme; the programme filter {program} does not apply here."),
    "iuran_tanpa_data": ("Belum ada data iuran untuk wilayah dan segmen ini; impor rekap iuran di halaman Data.",
                         "No contribution data for this area and segment yet; import a contributions export on the "
                         "Data page."),
    "kolom_sumber_dana": ("Sumber dana", "Funding source"),
    "kolom_ditagih": ("Tertagih (Rp)", "Billed (Rp)"),
    "kolom_dibayar": ("Dibayar (Rp)", "Paid (Rp)"),
    "jumlah_peserta": ("Peserta", "Participants"),
    "bulan_setelah_daftar": ("Bulan setelah mendaftar", "Months after sign-up"),
    "masih_membayar": ("Masih membayar (%)", "Still paying (%)"),
    "pendaftar_matang": ("Pendaftar yang sudah {b} bulan", "Sign-ups at least {b} months old"),
    "dalam_batas": ("Dalam batas wajar", "Within the limits"),
    "di_luar_95": ("Di luar batas 95%", "Outside the 95% limits"),
    "di_luar_998": ("Di luar batas 99,8%", "Outside the 99.8% limits"),
    "corong_judul": ("Kegiatan dibandingkan: bertahan {b} bulan", "Events compared: still active after {b} months"),
    "corong_bantuan": (
        "Setiap titik satu kegiatan. Garis putus-putus batas 95%, garis penuh batas 99,8% di sekitar rata-rata semua "
        "kegiatan: kegiatan kecil wajar jauh dari rata-rata karena kebetulan; hanya titik di luar garis yang benar-benar "
        "berbeda.",
        "Each dot is one event. Dashed lines are the 95% limits, solid lines the 99.8% limits around the average of all "
        "events: a small event may sit far from the average by chance; only a dot outside the lines truly differs."),
    "kurva_judul": ("Masih membayar, bulan demi bulan", "Still paying, month by month"),
    "kurva_bantuan": (
        "Kaplan–Meier: pendaftar yang baru bergabung hanya dihitung untuk bulan-bulan yang sudah mereka jalani, jadi "
        "kegiatan baru tidak tampak lebih baik atau lebih buruk dari yang sebenarnya.",
        "Kaplan–Meier: recent sign-ups count only for the months they have had, so a recent event looks neither "
        "better nor worse than it is."),
    "kurva_semua": ("Semua kegiatan periode ini", "All events of this period"),
    "kolom_iuran_bulan": ("Iuran {b} bln (Rp)", "Paid in {b} mo (Rp)"),
    "kolom_iuran_per_biaya": ("Iuran 12 bln ÷ biaya", "Paid in 12 mo ÷ cost"),
    "tindak_lanjut_menu": ("Tindak lanjut", "Follow-up"),
    "tindak_lanjut_segmen": ("Peserta BPU (pekerja informal)", "BPU participants (informal workers)"),
    "tindak_lanjut_penjelasan": (
        "Desa yang paling perlu dikunjungi petugas lapangan, diurutkan menurut iuran bulanan yang dipertaruhkan: "
        "peserta yang berhenti membayar dalam 1 dan 3 bulan terakhir dan belum kembali, serta peserta yang iurannya "
        "dibayar APBD, APBDes, CSR atau DBHCHT dan masa tanggungannya berakhir dalam 1 dan 3 bulan ke depan.",
        "The villages field staff most need to visit, ordered by the monthly contributions at stake: participants who "
        "stopped paying in the last 1 and 3 months and have not come back, and participants whose contributions a "
        "regency budget, village budget, CSR or tobacco-excise fund pays and whose paid term ends in the next 1 and "
        "3 months."),
    "tindak_lanjut_kosong": ("Tidak ada desa yang perlu dikunjungi: tidak ada yang berhenti membayar dan tidak ada "
                             "masa tanggungan yang segera berakhir.",
                             "No village needs a visit: nobody stopped paying and no paid term ends soon."),
    "tindak_lanjut_privasi": ("Daftar ini tidak memuat nama, NIK atau nomor telepon siapa pun: cari pesertanya di "
                              "sistem BPJS Ketenagakerjaan.",
                              "This list holds no one's name, NIK or phone number: look the participants up in BPJS "
                              "Ketenagakerjaan's own systems."),
    "tindak_lanjut_hari_ini": ("Daftar kerja selalu per hari ini, apa pun periode di saringan.",
                               "The work list is always as of today, whatever period the filter names."),
    "kolom_berhenti_1": ("Berhenti, 1 bln lalu", "Lapsed, 1 mo"),
    "kolom_berhenti_3": ("Berhenti, 3 bln lalu", "Lapsed, 3 mo"),
    "kolom_akhir_1": ("Tanggungan habis, 1 bln", "Term ends, 1 mo"),
    "kolom_akhir_3": ("Tanggungan habis, 3 bln", "Term ends, 3 mo"),
    "kolom_taruhan": ("Iuran dipertaruhkan (Rp/bln)", "Contributions at stake (Rp/month)"),
    "aktif_segmen_lain": ("Segmen lain: aktif = masa kepesertaan tercatat.",
                          "Other segments: active = a recorded enrolment period."),
    "dibanding_awal": ("dibanding awal periode", "against the start of the period"),
    "dibanding_sebelumnya": ("dibanding periode sebelumnya", "against the previous period"),
    "dari_informal": ("dari {n} pekerja informal", "of {n} informal workers"),
    "tanpa_penyebut": ("Jumlah pekerja informal belum ada", "No informal worker count yet"),
    "dari_target": ("dari target {n}", "of a target of {n}"),
    "tanpa_target": ("Target belum ditetapkan untuk saringan ini", "No target set for this filter"),
    "tingkat_nonaktif": ("Tingkat nonaktif {p} dari peserta aktif di awal periode",
                         "Lapse rate {p} of those active at the start"),
    "arah_naik": ("naik {n}", "rose {n}"),
    "arah_turun": ("turun {n}", "fell {n}"),
    "arah_tetap": ("tetap", "did not change"),
    "dibanding_tanggal": ("dibanding {pembanding} ({n})", "against {pembanding} ({n})"),
    "sejak_tanggal": ("sejak {tanggal} ({n})", "since {tanggal} ({n})"),
    "pembanding": ("Bandingkan dengan", "Compare with"),
    "banding_tahun_lalu": ("Periode yang sama tahun lalu", "The same period a year earlier"),
    "banding_sebelumnya": ("Periode sebelumnya, sama panjang", "The previous period of the same length"),
    "rentang_sendiri": ("Rentang tanggal sendiri…", "Custom date range…"),
    "rentang_tanggal": ("Dari–sampai", "From–to"),
    "rentang_belum_lengkap": ("Pilih tanggal akhir rentang.", "Choose the range's last day."),
    "pesan_kunci": ("Pesan utama", "Key messages"),
    "pesan_perubahan": ("{ukuran} {arah} dibanding {pembanding}: {kini} dari {lalu}.",
                        "{ukuran} {arah} against {pembanding}: {kini} from {lalu}."),
    "pesan_target_sudah": ("Target peserta aktif {target} sudah tercapai.",
                           "The active-participant target of {target} has been reached."),
    "pesan_target_tercapai": (
        "Dengan laju sekarang, target peserta aktif {target} tercapai pada {tanggal}: proyeksi {proyeksi} "
        "(rentang {bawah}–{atas}).",
        "At the current pace the active-participant target of {target} is met by {tanggal}: projected "
        "{proyeksi} (range {bawah}–{atas})."),
    "pesan_target_meleset": (
        "Dengan laju sekarang, target peserta aktif {target} tidak tercapai pada {tanggal}: proyeksi {proyeksi} "
        "(rentang {bawah}–{atas}); perlu {perlu} per bulan, laju kini {kini} per bulan.",
        "At the current pace the active-participant target of {target} is missed by {tanggal}: projected "
        "{proyeksi} (range {bawah}–{atas}); it needs {perlu} a month against {kini} a month now."),
    "pesan_kecamatan_tertinggal": (
        "Kecamatan {nama} paling jauh dari targetnya: proyeksi {persen} dari target {target} di akhir tahun; "
        "perlu {perlu} per bulan, laju kini {kini} ({n} dari {dari} kecamatan diproyeksikan meleset).",
        "{nama} is the district furthest from its target: projected at {persen} of {target} by the year's end; "
        "it needs {perlu} a month against {kini} now ({n} of {dari} districts projected to miss)."),
    "pesan_desa_tertinggal": (
        "Desa {nama} paling jauh dari targetnya: proyeksi {persen} dari target {target} di akhir tahun; "
        "perlu {perlu} per bulan, laju kini {kini} ({n} dari {dari} desa bertarget diproyeksikan meleset).",
        "{nama} is the village furthest from its target: projected at {persen} of {target} by the year's end; "
        "it needs {perlu} a month against {kini} now ({n} of {dari} villages with targets projected to miss)."),
    "pesan_kecamatan_semua_tercapai": ("Ke-{n} kecamatan bertarget diproyeksikan mencapai targetnya.",
                                       "All {n} districts with targets are projected to meet them."),
    "pesan_desa_semua_tercapai": ("Ke-{n} desa bertarget diproyeksikan mencapai targetnya.",
                                  "All {n} villages with targets are projected to meet them."),
    "pesan_kegiatan": (
        "Kegiatan dengan peserta aktif terbanyak setelah {bulan} bulan: {nama} ({desa}, {tanggal}), {n} dari "
        "{pendaftar} pendaftar.",
        "The event with the most participants still active after {bulan} months: {nama} ({desa}, {tanggal}), "
        "{n} of {pendaftar} sign-ups."),
    "pesan_kegiatan_biaya": (
        "Kegiatan dengan peserta aktif terbanyak setelah {bulan} bulan: {nama} ({desa}, {tanggal}), {n} dari "
        "{pendaftar} pendaftar, {biaya} per peserta aktif.",
        "The event with the most participants still active after {bulan} months: {nama} ({desa}, {tanggal}), "
        "{n} of {pendaftar} sign-ups, {biaya} per active participant."),
    "pesan_desa_siap": ("{n} desa Desa Sadar menjadi siap ditetapkan dalam periode ini: {daftar}.",
                        "Desa Sadar villages that became ready for designation in this period: {n} — {daftar}."),
    "pesan_desa_siap_tidak": ("Tidak ada desa Desa Sadar yang menjadi siap ditetapkan dalam periode ini.",
                              "No Desa Sadar village became ready for designation in this period."),
    "dan_lainnya": (" dan {n} lainnya", " and {n} more"),
    "jalan_target": ("Jalan menuju target {tahun}", "Road to the {tahun} target"),
    "proyeksi": ("Proyeksi", "Projection"),
    "rentang_proyeksi": ("Rentang 80%", "80% range"),
    "bantuan_proyeksi": (
        "Proyeksi dari tren bulanan sejauh ini (jalan acak dengan drift, ARIMA(0,1,0)); "
        "rentang memuat hasil akhir 8 dari 10 kali. Uji mundur pada data ini: proyeksi yang dibuat 3 bulan "
        "lalu meleset rata-rata {g3} (terburuk {m3}, {d3} di dalam rentang), 6 bulan lalu rata-rata {g6} "
        "(terburuk {m6}, {d6} di dalam rentang), atas {n} deret.",
        "Projected from the monthly trend so far (a random walk with drift, ARIMA(0,1,0)); the "
        "range holds the outcome 8 times in 10. Backtest on this data: projections made 3 months ago were off "
        "by {g3} on average (worst {m3}, {d3} inside the range), 6 months ago by {g6} (worst {m6}, {d6} inside "
        "the range), over {n} series."),
    "meleset_target": ("Diproyeksikan meleset dari target, paling jauh dahulu",
                       "Projected to miss the target, furthest behind first"),
    "semua_diproyeksikan_tercapai": ("Semua target wilayah ini diproyeksikan tercapai.",
                                     "Every target in this area is projected to be met."),
    "kolom_proyeksi": ("Proyeksi 31 Des", "Projected 31 Dec"),
    "kolom_persen_proyeksi": ("% target (proyeksi)", "% of target (projected)"),
    "kolom_laju_perlu": ("Perlu per bulan", "Needed a month"),
    "kolom_laju_kini": ("Laju kini per bulan", "Pace now a month"),
    "bulan_berjalan": ("{bulan} (belum selesai, s.d. {tanggal})", "{bulan} (unfinished, to {tanggal})"),
    "bulan_tersembunyi": ("disembunyikan (jumlah kecil)", "hidden (small count)"),
    "label_target_nilai": ("Target {tahun}: {n}", "Target {tahun}: {n}"),
    "baris_lainnya": ("{n} baris lagi tidak dimuat di sini; lihat halaman berikutnya atau dasbor.",
                      "{n} more rows are not shown here; see the next slide or the dashboard."),
    "lanjutan": ("{judul} (lanjutan)", "{judul} (continued)"),
    "bantuan_cakupan": (
        "Peserta BPU aktif JKK+JKM ÷ pekerja informal × 100 (rumus RPJMN/SDG 8.8.1). Tidak dipengaruhi "
        "saringan program dan segmen.",
        "Active BPU participants in JKK+JKM ÷ informal workers × 100 (RPJMN/SDG 8.8.1). Not affected by "
        "the programme and segment filters.",
    ),
    "tab_kegiatan_semua": ("Semua kegiatan", "All events"),
    "tab_kegiatan_rincian": ("Rincian kegiatan", "One event in detail"),
    "tab_kegiatan_banding": ("Bandingkan", "Compare"),
    "tab_program_segmen": ("Program dan segmen", "Programmes and segments"),
    "tab_tren": ("Tren bulanan", "Monthly trend"),
    "tab_iuran": ("Iuran", "Contributions"),
    "tab_target": ("Jalan ke target", "Road to target"),
    "tab_desa": ("Desa teratas dan terbawah", "Leading and trailing villages"),
    "tab_desa_sadar_semua": ("Semua desa", "All villages"),
    "tab_desa_sadar_rincian": ("Rincian desa", "One village in detail"),
    "tab_target_tertinggal": ("Tertinggal", "Behind"),
    "tab_target_kabupaten": ("Kabupaten", "Regency"),
    "tab_target_kecamatan": ("Per kecamatan", "By kecamatan"),
    "tab_target_desa": ("Desa Sadar", "Desa Sadar villages"),
    "per_program": ("Peserta aktif per program", "Active participants by programme"),
    "per_segmen": ("Peserta aktif per segmen", "Active participants by segment"),
    "tren_bulanan": ("Peserta aktif per bulan dan target", "Active participants by month, with target"),
    "baru_bulanan": ("Pendaftaran baru per bulan", "New sign-ups by month"),
    "bulan": ("Bulan", "Month"),
    "jumlah": ("Jumlah", "Count"),
    "target": ("Target", "Target"),
    "desa_teratas": ("Desa dengan cakupan BPU tertinggi", "Villages leading on BPU coverage"),
    "desa_terbawah": ("Desa dengan cakupan BPU terendah", "Villages trailing on BPU coverage"),
    "kolom_desa": ("Desa", "Village"),
    "kolom_bpu_aktif": ("BPU aktif", "Active BPU"),
    "kolom_informal": ("Pekerja informal", "Informal workers"),
    "kolom_cakupan": ("Cakupan", "Coverage"),
    "kosong": (
        "Belum ada peserta untuk saringan ini. Pilih periode lain, lepaskan saringan program atau segmen, "
        "atau pilih wilayah yang lebih luas.",
        "No participants for this filter. Choose another period, clear the programme or segment filter, "
        "or choose a wider area.",
    ),
    "batas_hilang": ("Batas wilayah belum tersedia", "No boundaries found"),
    "database_gagal": ("Database tidak dapat dibuka", "The database cannot be opened"),
    "peta": ("Peta", "Map"),
    "ukuran_peta": ("Warnai desa menurut", "Colour villages by"),
    "cari_desa": ("Cari desa", "Find a village"),
    "cari_bantuan": ("Ketik nama desa seperti biasa, mis. 'ketanon ageng'.", "Type the name as people write it, e.g. 'ketanon ageng'."),
    "pilih_desa_di_peta": ("Klik sebuah desa di peta untuk membaca ceritanya.", "Click a village on the map to read its story."),
    "riwayat_status": ("Riwayat status Desa Sadar", "Desa Sadar status history"),
    "belum_desa_sadar": ("Belum pernah berstatus Desa Sadar.", "Never had a Desa Sadar status."),
    "kegiatan_di_desa": ("Kegiatan di desa ini", "Events in this village"),
    "belum_ada_kegiatan": ("Belum ada kegiatan tercatat di desa ini.", "No events recorded in this village."),
    "tautan_desa": ("Tautan ke tampilan desa ini", "Link to this village's view"),
    "tersembunyi": ("Angka di bawah {k}, dan angka yang bisa membukanya lewat pengurangan, disembunyikan (•) untuk "
                    "melindungi privasi.",
                    "Counts below {k}, and counts that would give one back by subtraction, are hidden (•) to protect "
                    "privacy."),
    "kolom_tanggal": ("Tanggal", "Date"),
    "kolom_status": ("Status", "Status"),
    "kolom_catatan": ("Catatan", "Note"),
    "kolom_kegiatan": ("Kegiatan", "Event"),
    "kolom_hadir": ("Hadir", "Attendance"),
    "kolom_pendaftar": ("Pendaftar", "Sign-ups"),
    "pendaftaran": ("Pendaftaran", "Registration"),
    "kegiatan": ("Kegiatan", "Event"),
    "tanpa_kegiatan": ("Tanpa kegiatan (di kantor)", "No event (at the office)"),
    "kegiatan_belum_mulai": ("Kegiatan ini baru mulai {tanggal}. Pendaftaran hari ini tetap dicatat untuk kegiatan ini; "
                             "pilih 'Tanpa kegiatan' bila bukan.",
                             "This event starts on {tanggal}. A sign-up today is still recorded for it; choose 'No "
                             "event' if it is not."),
    "kegiatan_sudah_lewat": ("Kegiatan ini sudah selesai {tanggal}. Pendaftaran hari ini tetap dicatat untuk kegiatan "
                             "ini; pilih 'Tanpa kegiatan' bila bukan.",
                             "This event ended on {tanggal}. A sign-up today is still recorded for it; choose 'No "
                             "event' if it is not."),
    "pekerjaan": ("Pekerjaan", "Occupation"),
    "jenis_kelamin": ("Jenis kelamin", "Sex"),
    "tahun_lahir": ("Tahun lahir", "Birth year"),
    "sumber_dana": ("Sumber dana iuran", "Who pays the contribution"),
    "bantuan_nik": ("16 angka. Tidak disimpan: hanya sidik kuncinya yang disimpan.",
                    "16 digits. Not stored: only its keyed fingerprint is kept."),
    "simpan": ("Simpan pendaftaran", "Save registration"),
    "tersimpan": ("Tersimpan: {program} (nomor pendaftaran {nomor}). Terima kasih!",
                  "Saved: {program} (registration number {nomor}). Thank you!"),
    "layar_acara": ("Layar Acara", "Event screen"),
    "pengaturan_salah": ("Pengaturan tidak sah", "A setting is invalid"),
    "kegiatan_menu": ("Kegiatan", "Events"),
    "jenis_kegiatan": ("Jenis kegiatan", "Event type"),
    "semua_jenis": ("Semua jenis", "All types"),
    "kegiatan_kosong": ("Belum ada kegiatan di wilayah dan periode ini. Pilih periode lain atau tambahkan kegiatan di bawah.",
                        "No events in this area and period. Choose another period or add an event below."),
    "kegiatan_tanpa_saringan": ("Saringan program dan segmen tidak berlaku di sini: kegiatan dinilai dari semua pendaftarnya.",
                                "Programme and segment filters do not apply here: an event is judged on all its sign-ups."),
    "kolom_jenis": ("Jenis", "Type"),
    "kolom_konversi": ("Konversi", "Conversion"),
    "kolom_aktif_bulan": ("Aktif {b} bln", "Active {b} mo"),
    "kolom_biaya": ("Biaya", "Cost"),
    "kolom_biaya_per_aktif": ("Biaya per peserta aktif", "Cost per active participant"),
    "lihat_kegiatan": ("Lihat hasil kegiatan", "Show the results of"),
    "konversi_bantuan": ("Pendaftar ÷ jumlah hadir × 100.", "Sign-ups ÷ attendance × 100."),
    "aktif_bulan_bantuan": ("Pendaftar kegiatan ini yang masih aktif {b} bulan setelah tanggal daftarnya; persen "
                            "dari pendaftar yang sudah terdaftar minimal {b} bulan.",
                            "Sign-ups of this event still active {b} months after they signed up; the share is of "
                            "those signed up at least {b} months ago."),
    "belum_bulan": ("belum {b} bulan", "not {b} months yet"),
    "biaya_bantuan": ("Biaya kegiatan ÷ pendaftar yang masih aktif setelah 6 bulan.",
                      "The event's cost ÷ sign-ups still active after 6 months."),
    "biaya_tidak_diketahui": ("biaya belum dicatat", "cost not recorded"),
    "rincian_program": ("Pendaftar per program", "Sign-ups by programme"),
    "rincian_segmen": ("Pendaftar per segmen", "Sign-ups by segment"),
    "rincian_pekerjaan": ("Pendaftar per pekerjaan", "Sign-ups by occupation"),
    "rincian_dana": ("Pendaftar per sumber dana iuran", "Sign-ups by who pays"),
    "pendaftar_nol": ("Belum ada pendaftar yang dicatat untuk kegiatan ini.", "No sign-ups recorded for this event yet."),
    "sekitar_kegiatan": ("Pendaftaran seminggu sebelum dan sesudah kegiatan", "Sign-ups in the week before and after"),
    "sekitar_bantuan": ("Hijau: mendaftar lewat kegiatan ini. Abu-abu: pendaftar lain dari desa yang sama. Garis putus-putus: "
                        "rata-rata harian desa itu dalam 8 minggu sebelumnya.",
                        "Green: signed up through this event. Grey: other sign-ups from the same village. Dashed line: "
                        "the village's daily average over the 8 weeks before."),
    "dari_kegiatan": ("Lewat kegiatan ini", "Through this event"),
    "lainnya_di_desa": ("Lainnya dari desa ini", "Others from this village"),
    "hari_ke": ("Hari ke- (0 = hari pertama kegiatan)", "Day (0 = first day of the event)"),
    "pendaftar_harian": ("Pendaftar per hari", "Sign-ups per day"),
    "latar_harian": ("Rata-rata harian sebelumnya", "Earlier daily average"),
    "asal": ("Asal", "Source"),
    "bandingkan": ("Bandingkan kegiatan", "Compare events"),
    "bandingkan_bantuan": ("Pilih dua sampai empat kegiatan.", "Choose two to four events."),
    "ukuran": ("Ukuran", "Measure"),
    "tautan_layar": ("Layar acara (proyektor)", "Event screen (projector)"),
    "tautan_daftar": ("Formulir pendaftaran petugas", "Staff registration form"),
    "tambah_kegiatan": ("Tambah kegiatan", "Add an event"),
    "ubah_kegiatan": ("Ubah kegiatan ini", "Edit this event"),
    "nama_kegiatan": ("Nama kegiatan", "Event name"),
    "kecamatan_opsional": ("Kecamatan (bila nama desa kembar)", "Kecamatan (when the village name is shared)"),
    "tanggal_mulai": ("Tanggal mulai", "Start date"),
    "tanggal_selesai": ("Tanggal selesai", "End date"),
    "jumlah_hadir": ("Jumlah hadir (kosongkan bila belum tahu)", "Attendance (leave empty if unknown)"),
    "biaya_rp": ("Biaya (Rp, kosongkan bila belum tahu)", "Cost (Rp, leave empty if unknown)"),
    "simpan_kegiatan": ("Simpan kegiatan", "Save event"),
    "kegiatan_tersimpan": ("Kegiatan tersimpan (nomor {nomor}).", "Event saved (number {nomor})."),
    "petugas_saja": ("Untuk petugas cabang. Perubahan langsung terlihat di semua tampilan.",
                     "For branch staff. Changes show in every view at once."),
    "desa_sadar_menu": ("Desa Sadar", "Desa Sadar"),
    "target_menu": ("Target", "Targets"),
    "wilayah": ("Wilayah", "Area"),
    "realisasi": ("Realisasi", "Achieved"),
    "persen_target": ("% dari target", "% of target"),
    "status_tercapai": ("Tercapai", "Met"),
    "status_sesuai_jalur": ("Sesuai jalur", "On track"),
    "status_tertinggal": ("Tertinggal", "Behind"),
    "status_per": ("Status per {tanggal}", "Status as of {tanggal}"),
    "syarat_kesiapan": ("Syarat kesiapan (pengaturan cabang)", "Readiness conditions (branch settings)"),
    "syarat_perangkat": ("Perangkat desa aktif sebagai peserta: minimal {p} dari perangkat yang tercatat",
                         "Village officials enrolled and active: at least {p} of those recorded"),
    "syarat_mou": ("MoU dengan kepala cabang sudah tercatat", "An MoU with the branch head is recorded"),
    "syarat_cakupan": ("Cakupan BPU desa minimal {p} dari pekerja informal", "Village BPU coverage at least {p} of informal workers"),
    "syarat_sumber": ("Ambang ini pengaturan, bukan aturan nasional (tidak ada ambang nasional). Ubah lewat "
                      "DESA_SADAR_AMBANG_PERANGKAT dan DESA_SADAR_AMBANG_CAKUPAN.",
                      "These thresholds are settings, not a national rule (there is none). Change them with "
                      "DESA_SADAR_AMBANG_PERANGKAT and DESA_SADAR_AMBANG_CAKUPAN."),
    "tampilkan_semua_desa": ("Tampilkan juga desa yang belum berstatus", "Also show villages without a status"),
    "siap_ditetapkan": ("Siap ditetapkan", "Ready for designation"),
    "siap_bantuan": ("Belum ditetapkan, dan semua syarat kesiapan terpenuhi.", "Not designated yet, and every condition is met."),
    "kolom_sejak": ("Sejak", "Since"),
    "kolom_perangkat": ("Perangkat aktif", "Officials active"),
    "kolom_mou": ("MoU", "MoU"),
    "kolom_siap": ("Kesiapan", "Readiness"),
    "belum": ("belum", "not yet"),
    "tanpa_data": ("data belum ada", "no data"),
    "lihat_desa": ("Lihat desa", "Show village"),
    "daftar_periksa": ("Daftar periksa kesiapan", "Readiness checklist"),
    "riwayat_mou": ("MoU tercatat", "Recorded MoUs"),
    "belum_mou": ("Belum ada MoU tercatat.", "No MoU recorded."),
    "tambah_status": ("Catat status baru", "Record a new status"),
    "catat_mou": ("Catat MoU", "Record an MoU"),
    "nomor_mou": ("Nomor MoU", "MoU number"),
    "simpan_catatan": ("Simpan", "Save"),
    "catatan_tersimpan": ("Tersimpan.", "Saved."),
    "tidak_ada_desa_sadar": ("Belum ada desa berstatus Desa Sadar di wilayah ini.", "No Desa Sadar village in this area yet."),
    "tahun": ("Tahun", "Year"),
    "tanpa_target_tahun": ("Belum ada target untuk tahun ini di wilayah ini.", "No targets for this year in this area."),
    "target_tertinggal": ("Tertinggal dari target", "Behind target"),
    "semua_sesuai": ("Tidak ada yang tertinggal: semua target tercapai atau sesuai jalur.",
                     "Nothing is behind: every target is met or on track."),
    "target_kabupaten": ("Kabupaten, per segmen dan program", "Regency, by segment and programme"),
    "target_kecamatan": ("Per kecamatan", "By kecamatan"),
    "target_desa": ("Desa Sadar (peserta BPU aktif)", "Desa Sadar villages (active BPU participants)"),
    "peluru_bantuan": ("Batang: capaian sebagai % dari target; garis hitam: target (100%); garis pendek: posisi yang "
                       "seharusnya dicapai hari ini bila menuju target secara merata sejak awal tahun. Hijau: tercapai; "
                       "kuning: sesuai jalur; merah: tertinggal.",
                       "Bar: achieved as % of target; black line: the target (100%); short tick: where it should stand "
                       "today on an even path from the start of the year. Green: met; yellow: on track; red: behind."),
    "ukuran_peserta_aktif": ("Peserta aktif", "Active participants"),
    "ukuran_pendaftaran_baru": ("Pendaftaran baru", "New sign-ups"),
    "kolom_irisan": ("Irisan", "Slice"),
    "kolom_jalur": ("Seharusnya hari ini", "Expected by today"),
    "target_saringan": ("Saringan program dan segmen di samping memilih irisan target yang tampil.",
                        "The programme and segment filters choose which target slices show."),
    "data_menu": ("Data", "Data"),
    "impor_judul": ("Impor data", "Import data"),
    "impor_r_berkas": ("Berkas {nama} ({jenis}){cara}.", "File {nama} ({jenis}){cara}."),
    "impor_r_baris": ("{jumlah} baris data: {sah} sah, {ditolak} ditolak.",
                      "{jumlah} data rows: {sah} valid, {ditolak} refused."),
    "impor_r_dibuang": ("Kolom data pribadi dibuang tanpa disimpan: {kolom}.",
                        "Personal data columns dropped, never stored: {kolom}."),
    "impor_r_diabaikan": ("Kolom tidak dikenal, diabaikan: {kolom}.", "Unknown columns, ignored: {kolom}."),
    "impor_r_koreksi": ("Ejaan nama desa dikoreksi, atas persetujuan: {daftar}.",
                        "Village spellings corrected, as accepted: {daftar}."),
    "impor_r_diimpor": ("Diimpor: {baru} baru, {diperbarui} diperbarui, {sama} sudah ada dan sama.",
                        "Imported: {baru} new, {diperbarui} updated, {sama} already there and the same."),
    "impor_r_hanya_sah": ("Hanya baris yang sah diimpor, atas permintaan; {ditolak} baris ditolak tidak ditulis.",
                          "Only the valid rows were imported, as asked; {ditolak} refused rows were not written."),
    "impor_r_demo_dihapus": ("Data contoh dihapus dalam transaksi yang sama: {peserta} peserta, {kegiatan} kegiatan, "
                             "dan semua baris contoh lain.",
                             "Demo data removed in the same transaction: {peserta} participants, {kegiatan} events "
                             "and every other demo row."),
    "impor_r_ditolak_demo": ("Ditolak: tidak ada yang ditulis.", "Refused: nothing was written."),
    "impor_r_uji": ("Uji coba (--dry-run): tidak ada yang ditulis.", "Dry run (--dry-run): nothing was written."),
    "impor_r_ditolak": ("Ditolak: tidak ada yang ditulis. Perbaiki baris di bawah lalu impor ulang berkas yang sama.",
                        "Refused: nothing was written. Fix the rows below and import the same file again."),
    "terima_koreksi": ("Terima koreksi ejaan nama desa yang disarankan (mis. 'Wonopringgi' → Wonopringgo)",
                       "Accept the suggested village spelling corrections (e.g. 'Wonopringgi' → Wonopringgo)"),
    "ada_koreksi": ("{jumlah} baris menulis nama desa yang hanya mirip dengan nama yang ada. Periksa sarannya di "
                    "tabel masalah; centang di bawah bila sarannya benar.",
                    "{jumlah} rows write a village name that only resembles a known one. Check the suggestions in "
                    "the problems table; tick below if they are right."),
    "impor_penjelasan": (
        "Unggah CSV atau .xlsx hasil ekspor atau ketikan petugas. Berkas diperiksa dulu tanpa ditulis; semua "
        "baris masuk atau tidak sama sekali. NIK hanya disimpan sebagai sidik berkunci; kolom nama, nomor HP, "
        "alamat, dan data pribadi lain dibuang saat dibaca. Mengimpor berkas yang sama dua kali tidak menambah apa pun.",
        "Upload a CSV or .xlsx export or staff-typed sheet. It is checked first without writing; all rows go in "
        "or none. NIKs are kept only as keyed fingerprints; names, phone numbers, addresses and other personal "
        "columns are dropped on read. Importing the same file twice adds nothing."),
    "jenis_impor": ("Jenis data", "Kind of data"),
    "berkas": ("Berkas", "File"),
    "memeriksa": ("Memeriksa baris…", "Checking rows…"),
    "menulis": ("Menulis…", "Writing…"),
    "masalah_berkas": ("Baris yang ditolak", "Refused rows"),
    "unduh_masalah": ("Unduh daftar masalah (CSV)", "Download the problems (CSV)"),
    "pratinjau": ("Pratinjau baris yang sah (tanpa NIK)", "Preview of valid rows (no NIK)"),
    "hanya_sah": ("Impor hanya baris yang sah; baris yang ditolak tidak ditulis",
                  "Import only the valid rows; refused rows are not written"),
    "impor_tombol": ("Impor", "Import"),
    "log_impor": ("Impor terakhir", "Recent imports"),
    "masuk_sebagai": ("Masuk sebagai {nama} ({peran})", "Signed in as {nama} ({peran})"),
    "keluar": ("Keluar", "Sign out"),
    "masuk_petugas": ("Masuk petugas", "Staff sign-in"),
    "masuk_oidc": ("Masuk dengan akun organisasi", "Sign in with the organisation's account"),
    "nama_akun": ("Nama akun", "Account name"),
    "sandi": ("Kata sandi", "Password"),
    "masuk": ("Masuk", "Sign in"),
    "tanpa_akun_demo": ("Belum ada akun diatur: semua fitur terbuka selama isinya data contoh. Atur akun di "
                        "secrets.toml sebelum mengimpor data nyata.",
                        "No accounts configured: everything is open while the data is synthetic. Configure "
                        "accounts in secrets.toml before importing real data."),
    "persiapan_judul": ("Menyiapkan data contoh untuk mulai pertama", "Preparing demo data for the first start"),
    "persiapan_keterangan": ("Database masih kosong, jadi aplikasi membuat data contoh (sintetis) sekali ini. "
                             "Halaman terbuka sendiri begitu selesai.",
                             "The database is empty, so the app is creating synthetic demo data this once. "
                             "The page opens by itself when it is done."),
    "persiapan_mulai": ("Memulai…", "Starting…"),
    "persiapan_wilayah": ("Mencatat desa dan kecamatan…", "Recording villages and districts…"),
    "persiapan_peserta": ("Membuat peserta dan kegiatan contoh…", "Creating demo participants and events…"),
    "persiapan_tulis": ("Menulis ke database…", "Writing to the database…"),
    "persiapan_rekap": ("Menghitung masa aktif dan rekap…", "Working out active periods and summaries…"),
    "persiapan_gagal": ("Data contoh gagal dibuat", "The demo data could not be created"),
    "contoh_desa": ("mis. Ketanon Ageng", "e.g. Ketanon Ageng"),
    "daftar_latihan": ("Database ini berisi data contoh: pendaftaran di sini adalah latihan dan ikut terhapus "
                       "bersama data contoh saat data nyata pertama diimpor.",
                       "This database holds demo data: registrations here are practice and are removed with the "
                       "demo data when the first real data is imported."),
    "daftar_periksa_isian": ("Belum tersimpan. Perbaiki isian yang ditandai; isian lain tetap seperti yang diketik.",
                             "Not saved yet. Correct the marked fields; everything else stays as typed."),
    "impor_ada_demo": ("Database ini masih berisi data contoh (sintetis). Data nyata tidak dicampur dengannya: "
                       "impor ini hanya bisa berjalan bila semua data contoh dihapus, dalam transaksi yang sama "
                       "(bila impor gagal, data contoh tetap utuh).",
                       "This database still holds synthetic demo data, and real data is never mixed with it: this "
                       "import can only run if all demo data is removed, in the same transaction (if it fails "
                       "midway, the demo data stays intact)."),
    "impor_hapus_demo": ("Hapus semua data contoh dan impor data nyata ini", "Remove all demo data and import this real data"),
    "masuk_judul": ("Masuk petugas · Desa Sadar", "Staff sign-in · Desa Sadar"),
    "masuk_untuk_halaman": ("Masuk untuk membuka halaman {halaman}.", "Sign in to open the {halaman} page."),
    "masuk_lanjut": ("Masuk untuk melanjutkan.", "Sign in to continue."),
    "masuk_batal": ("Kembali tanpa masuk", "Go back without signing in"),
    "masuk_tanpa_akun": ("Instalasi ini belum punya akun petugas. Admin membuat akun dengan "
                         "python -m data_access akun NAMA --peran staf lalu menyalinnya ke secrets.toml.",
                         "This installation has no staff accounts yet. An admin creates one with "
                         "python -m data_access akun NAME --peran staf and copies it into secrets.toml."),
    "masuk_formulir_lama": ("Formulir masuk ini sudah kedaluwarsa atau dibuka di tab lain; silakan coba lagi.",
                            "This sign-in form has expired or was opened in another tab; please try again."),
    "masuk_terlalu_besar": ("Isian terlalu panjang.", "What was sent is too long."),
    "perlu_masuk": ("Halaman {halaman} hanya untuk petugas yang sudah masuk.",
                    "The {halaman} page is for signed-in staff only."),
    "peran_kurang": ("Akun {nama} ({peran}) tidak berwenang membuka halaman {halaman}.",
                     "The account {nama} ({peran}) may not open the {halaman} page."),
    "tertutup_data_nyata": ("Halaman {halaman} tertutup: database berisi data nyata dan instalasi ini belum "
                            "punya akun petugas. Admin membuat akun di secrets.toml.",
                            "The {halaman} page is closed: the database holds real data and this installation "
                            "has no staff accounts yet. An admin configures them in secrets.toml."),
    "masuk_akun_lain": ("Masuk dengan akun lain", "Sign in with another account"),
    "tanpa_akun_nyata": ("Belum ada akun diatur: hanya tampilan publik. Atur akun di secrets.toml.",
                         "No accounts configured: public views only. Configure accounts in secrets.toml."),
    "unduh_tabel": ("Unduh tabel ini persis seperti yang tampil.", "Download this table exactly as shown."),
    "unduh_briefing": ("Unduh briefing (PPTX)", "Download the briefing (PPTX)"),
    "unduh_briefing_pdf": ("Unduh briefing (PDF)", "Download the briefing (PDF)"),
    "peta_cakupan": ("Peta cakupan BPU", "BPU coverage map"),
    "peta_provinsi": ("Peta provinsi", "Province map"),
    "tingkat_peta": ("Tingkat wilayah", "Level"),
    "kolom_wilayah": ("Wilayah", "Area"),
    "kolom_kode": ("Kode Kemendagri", "Kemendagri code"),
    "tingkat_kabupaten": ("Kabupaten/kota", "Regencies"),
    "tingkat_kecamatan": ("Kecamatan", "Districts"),
    "tingkat_desa": ("Desa/kelurahan", "Villages"),
    "klik_untuk_turun": ("Klik kabupaten untuk melihat kecamatannya, klik kecamatan untuk melihat desanya.",
                         "Click a regency to see its districts, a district to see its villages."),
    "kembali_ke_provinsi": ("Seluruh provinsi", "Whole province"),
    "data_hanya_untuk": ("Database ini berisi data {n} desa; wilayah lain tampil abu-abu (tidak ada data).",
                         "This database holds data for {n} villages; other areas are grey (no data)."),
    "tautan": ("Tautan tampilan ini bisa disalin dari bilah alamat peramban.",
               "Copy the browser's address bar to share this exact view."),
    "ukuran_peta_cakupan": ("Cakupan BPU (%)", "BPU coverage (%)"),
    "ukuran_peta_aktif": ("Peserta aktif", "Active participants"),
    "ukuran_peta_baru": ("Pendaftaran baru", "New sign-ups"),
    "ukuran_peta_target": ("Capaian target BPU (%)", "Progress to BPU target (%)"),
    "ukuran_peta_kolektibilitas": ("Kolektibilitas iuran (%)", "Contribution collection rate (%)"),
    "ukuran_peta_berhenti": ("Tingkat berhenti membayar (%)", "Lapse rate (%)"),
    "tidak_ada_data": ("Tidak ada data", "No data"),
    "tanpa_data_atau_tersembunyi": ("Tidak ada data atau disembunyikan ({tanda})", "No data, or hidden ({tanda})"),
    "kec_singkat": ("Kec.", "District"),
    "status_garis_tepi": ("Status Desa Sadar (garis tepi)", "Desa Sadar status (outline)"),
    "layar_tidak_ditemukan": ("Kegiatan nomor {n} tidak ditemukan.", "Event number {n} was not found."),
    "layar_tanpa_kegiatan": ("Layar ini belum tahu kegiatannya.", "This screen does not know its event yet."),
    "layar_pilih_kegiatan": ("Pilih kegiatan yang ditampilkan layar ini:", "Choose the event this screen shows:"),
    "layar_tidak_ada_kegiatan": ("Tidak ada kegiatan yang berlangsung hari ini. Buat atau ubah kegiatan di "
                                 "halaman Kegiatan.", "No event is running today. Create or change one on the "
                                 "Events page."),
    "layar_minta_petugas": ("Petugas: masuk untuk memilih kegiatan hari ini.",
                            "Staff: sign in to choose one of today's events."),
    "layar_tempat": ("Desa {desa}, Kec. {kec}", "{desa} village, {kec} district"),
    "layar_sejak_mulai": ("pendaftar sejak acara dimulai", "signed up since the event began"),
    "layar_disembunyikan": ("pendaftar (angka kecil disembunyikan)", "signed up (small numbers hidden)"),
    "layar_target": ("Target {n} pendaftar", "Goal: {n} sign-ups"),
    "layar_dari_target": ("dari target {n} pendaftar", "of the goal of {n} sign-ups"),
    "layar_tonggak": ("{p}% target tercapai!", "{p}% of the goal reached!"),
    "layar_target_tercapai": ("Target tercapai!", "Goal reached!"),
    "layar_pindai": ("Petugas: pindai untuk membuka formulir pendaftaran", "Staff: scan to open the registration form"),
    "layar_selamat_datang": ("Selamat datang", "Welcome"),
    "layar_ajakan": ("Daftarkan diri Anda di meja petugas: perlindungan kerja mulai Rp16.800 sebulan.",
                     "Sign up at the staff desk: work protection from Rp16.800 a month."),
    "layar_terima_kasih": ("Terima kasih!", "Thank you!"),
    "layar_total": ("pendaftar di acara ini", "people signed up at this event"),
    "layar_persen_jht": ("memilih JHT (tabungan hari tua)", "chose JHT (old-age savings)"),
    "layar_aktif_desa": ("peserta aktif di desa", "active participants in the village"),
    "layar_cakupan_desa": ("cakupan BPU desa", "village BPU coverage"),
    "layar_terbaru": ("Pendaftar terbaru", "Latest sign-ups"),
    "layar_tunggu": ("Menunggu pendaftar pertama …", "Waiting for the first sign-up …"),
    "layar_pendaftar_baru": ("Pendaftar baru", "New sign-up"),
    "layar_diperbarui": ("Diperbarui", "Updated"),
    "layar_terputus": ("terputus — mencoba lagi", "offline — retrying"),
    "layar_menyambung": ("Layar sedang menyambung ke data; halaman ini mencoba lagi sendiri.",
                         "The screen is reconnecting to its data; this page tries again by itself."),
    "layar_baru_saja": ("baru saja", "just now"),
    "layar_menit_lalu": ("{n} menit lalu", "{n} min ago"),
    "layar_jam_lalu": ("{n} jam lalu", "{n} h ago"),
    "layar_hari_ini": ("hari ini", "today"),
    "layar_kemarin": ("kemarin", "yesterday"),
    "layar_hari_lalu": ("{n} hari lalu", "{n} days ago"),
    "layar_kendali": ("Layar acara menampilkan", "The event screen shows"),
    "layar_kendali_bantuan": ("Layar di proyektor berganti dalam beberapa detik.",
                              "The projector screen follows within a few seconds."),
    "mode_sambutan": ("Sambutan", "Welcome"),
    "mode_langsung": ("Langsung", "Live"),
    "mode_penutup": ("Penutup", "Closing summary"),
    "target_pendaftar": ("Target pendaftar (opsional)", "Sign-up goal (optional)"),
    "cari_ambigu": ("Nama desa '{teks}' ada di lebih dari satu kecamatan: {pilihan}. Sebutkan kecamatannya.",
                    "The village name '{teks}' exists in more than one district: {pilihan}. Name the district."),
    "cari_tidak_ditemukan": ("Desa '{teks}' tidak ditemukan.", "Village '{teks}' was not found."),
    "cari_huruf_asing": ("Nama '{teks}' memuat huruf '{huruf}' ({kode}) yang bukan huruf Latin, meski tampak serupa. "
                         "Ketik ulang namanya.",
                         "The name '{teks}' contains the letter '{huruf}' ({kode}), which is not a Latin letter even "
                         "though it looks like one. Type the name again."),
    "cari_mirip": ("Desa '{teks}' tidak persis sama dengan nama mana pun; yang paling mirip: {nama} (Kec. {kec}, "
                   "{kode}). Perbaiki ejaannya atau tulis kode desanya, atau terima koreksi ejaan saat mengimpor.",
                   "Village '{teks}' does not exactly match any name; the closest is {nama} ({kec} district, {kode}). "
                   "Correct the spelling or write the village code, or accept spelling corrections when importing."),
    "cari_saran": ("Mungkin maksudnya: {saran}.", "Perhaps you mean: {saran}."),
    "sesi_berakhir": ("Sesi berakhir; silakan masuk lagi.", "Your session has ended; please sign in again."),
}


# English for the options whose Indonesian wording is held in the domain or data layer (it is what
# is stored, or what files name): the stored value never changes, only what the reader sees.
ISIAN_EN: dict[str, dict[str, str]] = {
    "pekerjaan": {
        "Petani": "Farmer", "Pedagang pasar": "Market trader", "Pekerja konveksi": "Garment worker",
        "Buruh harian lepas": "Day labourer", "Pembatik rumahan": "Home batik maker", "Pengemudi ojek": "Ojek driver",
        "Pedagang nasi goreng": "Fried-rice seller", "Nelayan": "Fisher", "Lainnya": "Other",
    },
    "sumber_dana": {
        "Mandiri (dibayar sendiri)": "Self-paid", "Pemberi kerja": "Employer", "APBD kabupaten": "Regency budget (APBD)",
        "APBDes / ADD": "Village budget (APBDes / ADD)", "CSR perusahaan": "Company CSR",
        "DBHCHT (cukai tembakau)": "Tobacco excise share (DBHCHT)",
    },
    "jenis_kelamin": {"Laki-laki": "Male", "Perempuan": "Female"},
    "jenis_impor": {
        "peserta dan kepesertaannya": "participants and their enrolments",
        "iuran dibayar: per peserta dan bulan": "contributions paid: per participant and month",
        "kegiatan: sosialisasi dan acara": "events: outreach and launches",
        "status Desa Sadar": "Desa Sadar status",
        "penyebut per desa dan tahun: penduduk, pekerja, perangkat desa":
            "denominators per village and year: population, workers, village officials",
        "target": "targets",
        "batas desa: GeoJSON, GeoPackage, Shapefile (.zip) atau SQL wilayah_boundaries":
            "village boundaries: GeoJSON, GeoPackage, Shapefile (.zip) or SQL wilayah_boundaries",
    },
}


def label_isian(kelompok: str, teks_id: str, bahasa: str) -> str:
    """An option's label in the reader's language: Indonesian as the domain holds it, else English."""
    return ISIAN_EN[kelompok].get(teks_id, teks_id) if bahasa == "en" else teks_id


# Each page's menu title, by the key the role rules (domain.peran.HALAMAN) and the URL use.
JUDUL_HALAMAN = {"ringkasan": "ringkasan", "peta": "peta", "provinsi": "peta_provinsi", "kegiatan": "kegiatan_menu",
                 "desa-sadar": "desa_sadar_menu", "target": "target_menu", "tindak-lanjut": "tindak_lanjut_menu",
                 "daftar": "pendaftaran",
                 "data": "data_menu", "layar": "layar_acara"}


def t(kunci: str, bahasa: str = "id", **isi: str) -> str:
    """The word for `kunci` in the chosen language, with {placeholders} filled in."""
    teks = TEKS[kunci][1 if bahasa == "en" else 0]
    return teks.format(**isi) if isi else teks


# Why a row of an import was refused, in English. The domain writes its reasons in Bahasa
# Indonesia (they are the branch's working language and the log's); each template here is one of
# those sentences with its variable parts as {placeholders}, and the English sentence that says
# the same. A reason no template matches is shown as written.
ALASAN_EN: tuple[tuple[str, str], ...] = (
    ("Wajib diisi.", "Required."),
    ("{nama} '{nilai}' tidak dikenal.", "{nama} '{nilai}' is not recognised."),
    ("Desa kosong: isi kode atau nama desa.", "No village: give its code or name."),
    ("Tidak boleh negatif.", "Cannot be negative."),
    ("Angka {n} terlalu besar; periksa isinya.", "The number {n} is too large; check it."),
    ("Tahun '{v}' di luar 2010 sampai tahun depan.", "Year '{v}' is outside 2010 to next year."),
    ("NIK kosong.", "The NIK is empty."),
    ("NIK disimpan Excel sebagai angka sehingga angka terakhirnya hilang; simpan kolom NIK sebagai teks.",
     "Excel stored the NIK as a number, so its last digits are lost; format the NIK column as text."),
    ("Segmen kosong.", "The segment is empty."),
    ("Tidak ada program yang diikuti.", "No programme is held."),
    ("Tanggal berakhir sebelum tanggal daftar.", "The end date is before the registration date."),
    ("Pekerjaan {n} huruf; paling banyak {maks}. Singkat tulisannya.",
     "The occupation is {n} characters; at most {maks}. Shorten it."),
    ("Nama kegiatan kosong.", "The event name is empty."),
    ("Nama kegiatan lebih dari {n} huruf.", "The event name is longer than {n} characters."),
    ("Tanggal kosong.", "The date is empty."),
    ("Bulan kosong.", "The month is empty."),
    ("Bulan iuran kosong.", "The contribution month is empty."),
    ("Jumlah iuran kosong.", "The amount is empty."),
    ("Bulan '{b}' tidak terbaca; tulis seperti 2025-03 atau Maret 2025.",
     "Month '{b}' cannot be read; write it as 2025-03 or Maret 2025."),
    ("Bulan {b} sebelum {tahun}; periksa tahunnya.", "The month {b} is before {tahun}; check the year."),
    ("Bulan {b} terlalu jauh di depan; iuran dibayar di muka paling lama sampai tahun depan.",
     "The month {b} is too far ahead; contributions are paid in advance until next year at most."),
    ("Tanggal {t} sebelum {tahun}; periksa tahunnya.", "The date {t} is before {tahun}; check the year."),
    ("Tanggal selesai sebelum tanggal mulai.", "The end date is before the start date."),
    ("Target pendaftar {n} di luar 1 sampai {maks}; kosongkan bila tidak ada.",
     "A sign-up goal of {n} is outside 1 to {maks}; leave it empty when the event has none."),
    ("Status kosong.", "The status is empty."),
    ("Pekerja informal lebih banyak dari penduduk bekerja.", "More informal workers than employed residents."),
    ("Penduduk bekerja lebih banyak dari penduduk.", "More employed residents than residents."),
    ("Satu target untuk satu program (atau SEMUA).", "One target for one programme (or SEMUA, all)."),
    ("Nilai target kosong.", "The target value is empty."),
    ("Nama bulan '{b}' tidak dikenal.", "Month name '{b}' is not recognised."),
    ("Tanggal '{t}' tidak ada di kalender.", "Date '{t}' does not exist."),
    ("Tanggal '{t}' tidak terbaca; tulis seperti 03/09/2019 atau 3 September 2019.",
     "Date '{t}' cannot be read; write it as 03/09/2019 or 3 September 2019."),
    ("Tanggal {t} ada di masa depan.", "The date {t} is in the future."),
    ("Angka tidak terbaca.", "The number cannot be read."),
    ("Angka kosong.", "The number is empty."),
    ("'{n}' harus bilangan bulat.", "'{n}' must be a whole number."),
    ("'{n}' bukan angka yang terbaca (tulis seperti 1.234 atau Rp16.800).",
     "'{n}' is not a readable number (write it as 1.234 or Rp16.800)."),
    ("'{n}' bukan Ya/Tidak.", "'{n}' is not Ya/Tidak (yes/no)."),
    ("Kolom program kosong.", "The programme column is empty."),
    ("Program '{p}' tidak dikenal; gunakan JKK, JKM, JHT, JP, atau JKP.",
     "Programme '{p}' is not recognised; use JKK, JKM, JHT, JP or JKP."),
    ("NIK tertulis sebagai angka ilmiah (mis. 3,32612E+15): Excel telah merusaknya. Simpan kolom NIK sebagai teks.",
     "The NIK is written in scientific notation (e.g. 3.32612E+15): Excel has damaged it. Format the NIK column "
     "as text."),
    ("NIK harus 16 angka; yang diisi {n} angka.", "A NIK has 16 digits; this one has {n}."),
    ("Bagian wilayah NIK (6 angka pertama) bukan kode wilayah yang sah.",
     "The NIK's region part (its first 6 digits) is not a valid region code."),
    ("Tanggal lahir dalam NIK (angka ke-7 sampai ke-12) tidak mungkin.",
     "The birth date in the NIK (digits 7 to 12) is impossible."),
    ("Tanggal lahir dalam NIK tidak masuk akal.", "The birth date in the NIK is implausible."),
    ("Nomor urut NIK (4 angka terakhir) tidak boleh 0000.", "The NIK's serial (its last 4 digits) cannot be 0000."),
    ("Jenis kelamin tidak cocok dengan NIK (pada NIK perempuan, tanggal lahir ditambah 40).",
     "The sex does not match the NIK (for women the NIK's birth day has 40 added)."),
    ("Tahun lahir tidak cocok dengan tanggal lahir dalam NIK.", "The birth year does not match the NIK's birth date."),
    ("Segmen '{s}' tidak dikenal (pilihan: PU, BPU, JAKON, PMI).",
     "Segment '{s}' is not recognised (choose PU, BPU, JAKON or PMI)."),
    ("Program '{p}' tidak dikenal (pilihan: JKK, JKM, JHT, JP, JKP).",
     "Programme '{p}' is not recognised (choose JKK, JKM, JHT, JP or JKP)."),
    ("Peserta segmen {s} tidak dapat didaftarkan pada program {p}.",
     "A participant in segment {s} cannot be enrolled in programme {p}."),
    ("Program wajib untuk segmen {s} belum dipilih: {p}.", "Compulsory programmes for segment {s} missing: {p}."),
    ("Desa belum dipilih atau tidak ditemukan.", "No village chosen, or it was not found."),
    ("Pilih setidaknya satu program.", "Choose at least one programme."),
    ("Tahun lahir harus antara {a} dan {b}.", "The birth year must be between {a} and {b}."),
    ("Pilih jenis kelamin.", "Choose the sex."),
    ("Orang dengan NIK ini sudah terdaftar sebagai peserta sejak {t} pada kegiatan {k}. Tidak perlu didaftarkan lagi.",
     "A person with this NIK has been a participant since {t}, at the event {k}. No need to register them again."),
    ("Orang dengan NIK ini sudah terdaftar sebagai peserta sejak {t}. Tidak perlu didaftarkan lagi.",
     "A person with this NIK has been a participant since {t}. No need to register them again."),
    ("Orang dengan NIK ini baru saja didaftarkan oleh petugas lain. Tidak perlu didaftarkan lagi.",
     "A person with this NIK was just registered by another staff member. No need to register them again."),
    ("Sama dengan baris {n}: baris ganda dalam berkas.", "Same as row {n}: a duplicate row in the file."),
    ("Wilayah kosong: isi kode wilayah, nama desa, atau kecamatan.",
     "No region: give a region code, a village name or a kecamatan."),
    ("Kode wilayah {k} tidak ada di daftar wilayah.", "Region code {k} is not in the list of regions."),
    ("Kecamatan '{k}' tidak dikenal.", "Kecamatan '{k}' is not recognised."),
    ("Kecamatan '{k}' cocok dengan lebih dari satu kode.", "Kecamatan '{k}' matches more than one code."),
    *((TEKS[k][0], TEKS[k][1]) for k in ("cari_ambigu", "cari_tidak_ditemukan", "cari_huruf_asing", "cari_mirip",
                                         "cari_saran")),
)
_KATA_INDONESIA = {"Segmen": "Segment", "Jenis kelamin": "Sex", "Sumber dana": "Source of funds", "Kanal": "Channel",
                   "Jenis kegiatan": "Event type", "Status": "Status", "Ukuran target": "Target measure"}


def _pola(templat: str) -> re.Pattern[str]:
    bagian = re.split(r"\{(\w+)\}", templat)
    return re.compile("".join(re.escape(b) if i % 2 == 0 else f"(?P<{b}>.+?)" for i, b in enumerate(bagian)),
                      re.DOTALL)


_POLA_ALASAN = [(_pola(id_), en) for id_, en in ALASAN_EN]


def alasan_dalam(teks: str, bahasa: str) -> str:
    """A refusal's reason in the reader's language: English from ALASAN_EN where a template says the
    same sentence (reasons joined into one are read sentence by sentence); as written otherwise."""
    if bahasa != "en" or not teks:
        return teks
    kalimat = re.split(r"(?<=\.) (?=[A-Z])", teks)
    if len(kalimat) > 1 and all((en := [_terjemahan(k) for k in kalimat])):
        return " ".join(en)
    return _terjemahan(teks) or teks


def _terjemahan(teks: str) -> str | None:
    for pola, en in _POLA_ALASAN:
        if cocok := pola.fullmatch(teks):
            isi = cocok.groupdict()
            if "nama" in isi:
                isi["nama"] = _KATA_INDONESIA.get(isi["nama"], isi["nama"])
            return en.format(**isi)
    return None
