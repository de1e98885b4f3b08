// The event stage in the browser: shows the strings the server sends, asks again every few seconds,
// keeps the last numbers with a "terputus" mark when no answer comes, and celebrates each quarter
// of the goal once. Every string goes in as text, never as markup.
(function () {
  "use strict";
  const awal = JSON.parse(document.getElementById("data-awal").textContent);
  const panggung = document.getElementById("panggung");
  const teks = awal.teks;
  let tonggakTerakhir = null;
  let tutupRayakan = null;

  function isi(id, nilai) {
    const el = document.getElementById(id);
    if (el && el.textContent !== nilai) el.textContent = nilai;
  }

  function kotak(id, butir) {
    const wadah = document.getElementById(id);
    const baru = butir.map(function (b) {
      const k = document.createElement("div");
      k.className = "kotak";
      const n = document.createElement("div");
      n.className = "nilai";
      n.textContent = b.nilai;
      const l = document.createElement("div");
      l.className = "label";
      l.textContent = b.label;
      k.append(n, l);
      return k;
    });
    wadah.replaceChildren.apply(wadah, baru);
  }

  function ticker(butir) {
    const ul = document.getElementById("ticker");
    const baru = butir.map(function (s) {
      const li = document.createElement("li");
      li.textContent = s;
      return li;
    });
    if (!baru.length) {
      const li = document.createElement("li");
      li.className = "tunggu";
      li.textContent = teks.tunggu;
      baru.push(li);
    }
    ul.replaceChildren.apply(ul, baru);
    // As many as fit the screen at hand, newest first: a 4:3 projector shows fewer than a 16:9 one.
    while (ul.children.length > 1 && ul.scrollHeight > ul.clientHeight + 1) ul.lastElementChild.remove();
  }

  function rayakan(pesan) {
    const lapis = document.getElementById("rayakan");
    isi("rayakan_teks", pesan);
    lapis.hidden = false;
    const kertas = lapis.querySelector(".kertas");
    kertas.style.animation = "none";
    void kertas.offsetWidth;  // restart the falling confetti
    kertas.style.animation = "";
    clearTimeout(tutupRayakan);
    tutupRayakan = setTimeout(function () { lapis.hidden = true; }, 7000);
  }

  function tampil(m) {
    panggung.dataset.mode = m.mode;
    isi("judul", m.judul);
    isi("tempat", m.tempat);
    isi("tanggal", m.tanggal);
    isi("demo", m.demo);
    isi("jumlah", m.jumlah);
    isi("jumlah_akhir", m.jumlah);
    isi("jumlah_label", m.jumlah_label);
    document.getElementById("kotak_target").hidden = !m.target;
    isi("target", m.target);
    document.getElementById("isi_target").style.width = (m.kemajuan || 0) + "%";
    kotak("program", m.program);
    kotak("program_akhir", m.program);
    kotak("desa", m.desa);
    isi("jht", m.jht);
    document.getElementById("kotak_capaian").hidden = !m.capaian;
    isi("capaian", m.capaian);
    isi("target_akhir", m.capaian_label);
    ticker(m.ticker);
    isi("diperbarui", m.diperbarui);
    if (tonggakTerakhir !== null && m.tonggak > tonggakTerakhir && m.mode !== "penutup") rayakan(m.tonggak_teks);
    tonggakTerakhir = m.tonggak;
  }

  function terputus(ya) {
    const tanda = document.getElementById("terputus");
    tanda.textContent = teks.terputus;
    tanda.hidden = !ya;
    panggung.dataset.terputus = ya ? "1" : "0";
  }

  async function segarkan() {
    const batal = new AbortController();
    const waktuHabis = setTimeout(function () { batal.abort(); }, Math.max(awal.selang_ms * 2, 4000));
    try {
      const jawab = await fetch(awal.alamat_angka, { cache: "no-store", signal: batal.signal });
      if (jawab.status === 404) { location.reload(); return; }  // the event is gone: the chooser shows
      if (!jawab.ok) throw new Error(String(jawab.status));
      tampil(await jawab.json());
      terputus(false);
    } catch (e) {
      terputus(true);
    } finally {
      clearTimeout(waktuHabis);
      setTimeout(segarkan, awal.selang_ms);
    }
  }

  for (const kunci of Object.keys(teks)) isi("t_" + kunci, teks[kunci]);
  tampil(awal.muatan);
  terputus(false);
  setTimeout(segarkan, awal.selang_ms);
})();
