// Drop files on a worker's page: each is posted as it is to the worker's inbox folder, where the
// watch reads it like any file a scanner drops. Plain JavaScript, loaded as a file (the pages
// allow no inline script).
"use strict";
(function () {
  const zone = document.getElementById("upload");
  if (!zone) return;
  const input = zone.querySelector("input[type=file]");
  const list = zone.querySelector("ul");
  const words = zone.dataset;

  function send(file) {
    const item = document.createElement("li");
    item.textContent = file.name + ": " + words.sending;
    list.appendChild(item);
    return fetch(zone.dataset.url + "?name=" + encodeURIComponent(file.name), {
      method: "POST",
      headers: { "X-CSRF-Token": zone.dataset.csrf, "Content-Type": "application/octet-stream" },
      body: file,
      credentials: "same-origin",
    }).then(function (response) {
      return response.text().then(function (text) {
        let answer = {};
        try { answer = JSON.parse(text); } catch (e) { answer = { message: text }; }
        if (response.status === 201) item.textContent = file.name + ": " + words.written + " (" + answer.file + ")";
        else if (response.status === 200) item.textContent = file.name + ": " + words.present + " (" + answer.file + ")";
        else item.textContent = file.name + ": " + words.refused + " " + (answer.message || answer.error && answer.error.message || response.status);
        item.className = response.ok ? "accepted" : "refused";
      });
    }, function () {
      item.textContent = file.name + ": " + words.refused;
      item.className = "refused";
    });
  }

  function sendAll(files) {
    Array.prototype.reduce.call(files, function (previous, file) { return previous.then(function () { return send(file); }); }, Promise.resolve());
  }

  input.addEventListener("change", function () { sendAll(input.files); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) { sendAll(event.dataTransfer.files); });
})();
