// The office report over /admin/api/report. Every text goes into the page through textContent.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const time = (iso) => new Date(iso).toLocaleString("vi-VN");

  function fill(tableId, rows, empty, cells) {
    const body = $(tableId).querySelector("tbody");
    body.replaceChildren();
    if (rows.length === 0) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = $(tableId).querySelectorAll("thead th").length;
      cell.textContent = empty;
      row.append(cell);
      body.append(row);
      return;
    }
    for (const item of rows) {
      const row = document.createElement("tr");
      for (const value of cells(item)) {
        const cell = document.createElement("td");
        if (Array.isArray(value)) {
          const list = document.createElement("ul");
          for (const line of value) {
            const li = document.createElement("li");
            li.textContent = line;
            list.append(li);
          }
          cell.append(list);
        } else {
          cell.textContent = String(value);
        }
        row.append(cell);
      }
      body.append(row);
    }
  }

  async function load() {
    try {
      const response = await fetch("/admin/api/report");
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || `Lỗi ${response.status}.`);
      }
      const report = await response.json();
      $("report-status").textContent = `${report.questions} câu hỏi trong ${report.retention_days} ngày gần nhất (cập nhật ${time(report.generated_at)}).`;
      fill("activity", report.activity, "Chưa có câu hỏi nào.", (a) => [a.day, a.channel, a.count]);
      fill("gaps", report.gaps, "Mọi câu hỏi đều đã được trả lời từ văn bản.", (g) => [g.focus, g.count, `${g.not_covered} / ${g.related}`, time(g.last_asked), g.examples]);
      fill("thumbs-down", report.thumbs_down, "Chưa có câu trả lời nào bị đánh giá 👎.", (d) => [time(d.at), d.channel, d.question, d.answer]);
      fill("most-cited", report.most_cited, "Chưa có trích dẫn nào.", (c) => [c.label, c.passage_id, c.count]);
    } catch (e) {
      $("report-status").textContent = e.message;
      $("report-status").classList.add("error");
    }
  }

  load();
})();
