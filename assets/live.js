// Live parts of the staff pages and the waiting-room display.
//
// An element with data-events="URL" holds a #board that the server sends anew
// (Server-Sent Events, event "board") whenever it changes. Without this
// script, or without EventSource, the pages reload themselves instead.
//
// On the display (data-chime), a new call also chimes and, once sound is
// turned on, is spoken in German; the newest call blinks by the page's CSS.
// An element with data-reset-after="SECONDS" data-reset-to="URL" (a kiosk's
// ticket) goes to URL once nobody has touched the device for SECONDS.
(function () {
  "use strict";

  var audio = null;
  var soundOn = false;
  try { soundOn = window.localStorage.getItem("termin-sound") === "on"; } catch (e) { /* private mode */ }

  function chime() {
    if (!soundOn) { return; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (hz, i) {
        var start = audio.currentTime + i * 0.3;
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = hz;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.28);
        osc.connect(gain).connect(audio.destination);
        osc.start(start);
        osc.stop(start + 0.3);
      });
    } catch (e) { /* no audio on this device */ }
  }

  function speak(text) {
    if (!soundOn || !text || !window.speechSynthesis) { return; }
    var u = new window.SpeechSynthesisUtterance(text);
    u.lang = "de-DE";
    u.rate = 0.9;
    window.setTimeout(function () { window.speechSynthesis.speak(u); }, 700);
  }

  function soundButton(live) {
    var button = live.querySelector("#sound");
    if (!button) { return; }
    var label = button.textContent;
    function show() {
      button.setAttribute("aria-pressed", soundOn ? "true" : "false");
      button.textContent = label + (soundOn ? " ✓" : "");
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      soundOn = !soundOn;
      try { window.localStorage.setItem("termin-sound", soundOn ? "on" : "off"); } catch (e) { /* private mode */ }
      if (soundOn && audio && audio.state === "suspended") { audio.resume(); }
      show();
      chime();
    });
  }

  function follow(live) {
    var url = live.getAttribute("data-events");
    var pending = null;
    if (!window.EventSource) {
      window.setTimeout(function () { window.location.reload(); }, 10000);
      return;
    }
    function replace(html) {
      var board = live.querySelector("#board");
      // Never pull a button away from under a keyboard's focus: wait until it leaves.
      if (board && board.contains(document.activeElement) && document.activeElement !== document.body) {
        pending = html;
        return;
      }
      pending = null;
      var fresh = document.createElement("div");
      fresh.innerHTML = html;
      var next = fresh.querySelector("#board");
      if (!board || !next) { return; }
      var before = board.getAttribute("data-latest");
      var after = next.getAttribute("data-latest");
      board.replaceWith(next);
      if (live.hasAttribute("data-chime") && after && after !== before) {
        chime();
        speak(next.getAttribute("data-speech"));
      }
    }
    live.addEventListener("focusout", function () {
      window.setTimeout(function () { if (pending !== null) { replace(pending); } }, 0);
    });
    var events = new window.EventSource(url);
    events.addEventListener("board", function (e) { replace(e.data); });
    live.setAttribute("data-connected", "true");
  }

  // A kiosk's ticket: back to the start after a while in which nobody touched
  // the screen or its keys; each touch gives the person more time.
  function resetWhenIdle(part) {
    var seconds = parseInt(part.getAttribute("data-reset-after"), 10) || 60;
    var to = part.getAttribute("data-reset-to");
    var timer = null;
    function arm() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { window.location.assign(to); }, seconds * 1000);
    }
    ["keydown", "pointerdown", "touchstart", "wheel"].forEach(function (name) {
      document.addEventListener(name, arm, true);
    });
    arm();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var parts = document.querySelectorAll("[data-events]");
    for (var i = 0; i < parts.length; i++) {
      soundButton(parts[i]);
      follow(parts[i]);
    }
    var resets = document.querySelectorAll("[data-reset-after]");
    for (var j = 0; j < resets.length; j++) {
      resetWhenIdle(resets[j]);
    }
  });
})();
