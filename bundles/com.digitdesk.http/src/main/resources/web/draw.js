// The drawing page: strokes on a canvas (mouse, pen or finger), read through POST /api/v1/digits while
// drawing; the eleven probabilities (0-9 and "no digit") as bars.
"use strict";

const CLASSES = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "none"];
const pad = document.getElementById("pad");
const pen = pad.getContext("2d");
const verdict = document.getElementById("verdict");
const tokenField = document.getElementById("token");
let drawing = false;
let inked = false;
let pending = null;
let reading = false;
let again = false;

// The token: from the link serve printed (#token=...), else what the user typed; kept for this tab only.
const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
if (fromLink) {
	sessionStorage.setItem("digitdesk-token", fromLink);
	history.replaceState(null, "", location.pathname);
}
tokenField.value = sessionStorage.getItem("digitdesk-token") || "";
tokenField.addEventListener("change", () => sessionStorage.setItem("digitdesk-token", tokenField.value.trim()));
if (!tokenField.value) {
	document.getElementById("access").open = true;
}

const bars = document.getElementById("bars");
for (const label of CLASSES) {
	const row = document.createElement("li");
	row.id = "bar-" + label;
	row.dataset.probability = "0";
	row.innerHTML = `<span class="label">${label === "none" ? "no digit" : label}</span>`
		+ `<span class="track"><span class="fill"></span></span><span class="value">0.000</span>`;
	bars.appendChild(row);
}

function clearPad() {
	pen.fillStyle = "#fff";
	pen.fillRect(0, 0, pad.width, pad.height);
	inked = false;
	show(null);
	verdict.textContent = "Draw a digit.";
}

function point(event) {
	const box = pad.getBoundingClientRect();
	return [(event.clientX - box.left) * pad.width / box.width, (event.clientY - box.top) * pad.height / box.height];
}

pad.addEventListener("pointerdown", event => {
	drawing = true;
	pad.setPointerCapture(event.pointerId);
	const [x, y] = point(event);
	pen.beginPath();
	pen.moveTo(x, y);
	pen.lineTo(x + 0.1, y + 0.1);
	pen.stroke();
	inked = true;
});
pad.addEventListener("pointermove", event => {
	if (!drawing) {
		return;
	}
	const [x, y] = point(event);
	pen.lineTo(x, y);
	pen.stroke();
	soon();
});
for (const end of ["pointerup", "pointercancel"]) {
	pad.addEventListener(end, () => {
		if (drawing) {
			drawing = false;
			readNow();
		}
	});
}

// While drawing, at most one reading every 120 ms; the last stroke is always read.
function soon() {
	if (pending === null) {
		pending = setTimeout(() => { pending = null; readNow(); }, 120);
	}
}

function readNow() {
	if (!inked) {
		return;
	}
	pad.toBlob(blob => send(blob, "image/png"), "image/png");
}

async function send(image, type) {
	if (reading) {
		again = true;
		return;
	}
	reading = true;
	try {
		const answer = await fetch("api/v1/digits", {
			method: "POST",
			headers: { "Content-Type": type, "Authorization": "Bearer " + (tokenField.value.trim()) },
			body: image,
		});
		const body = await answer.json();
		if (!answer.ok) {
			verdict.textContent = answer.status === 401 ? "The server wants its access token (below)." : body.error;
			if (answer.status === 401) {
				document.getElementById("access").open = true;
			}
			return;
		}
		show(body.results[0]);
		document.getElementById("model").textContent = "model " + body.model_version.slice(0, 12) + ", read in "
			+ body.millis.toFixed(1) + " ms";
	} catch (failure) {
		verdict.textContent = "The server cannot be reached: " + failure.message;
	} finally {
		reading = false;
		if (again) {
			again = false;
			readNow();
		}
	}
}

function show(result) {
	const probabilities = new Array(CLASSES.length).fill(0);
	if (result) {
		for (const choice of result.ranked) {
			probabilities[choice.digit < 0 ? 10 : choice.digit] = choice.probability;
		}
		verdict.textContent = result.digit < 0
			? `No digit (${result.probability.toFixed(3)})`
			: `Reads ${result.digit} (${result.probability.toFixed(3)})`;
	}
	const top = result ? (result.digit < 0 ? 10 : result.digit) : -1;
	CLASSES.forEach((label, index) => {
		const row = document.getElementById("bar-" + label);
		row.dataset.probability = probabilities[index].toFixed(6);
		row.classList.toggle("top", index === top);
		row.querySelector(".fill").style.width = (probabilities[index] * 100).toFixed(1) + "%";
		row.querySelector(".value").textContent = probabilities[index].toFixed(3);
	});
	verdict.dataset.digit = result ? String(result.digit) : "";
}

document.getElementById("clear").addEventListener("click", clearPad);
document.getElementById("upload").addEventListener("change", event => {
	const file = event.target.files[0];
	if (!file) {
		return;
	}
	const picture = new Image();
	picture.onload = () => {
		clearPad();
		const scale = Math.min(pad.width / picture.width, pad.height / picture.height);
		const width = picture.width * scale;
		const height = picture.height * scale;
		pen.drawImage(picture, (pad.width - width) / 2, (pad.height - height) / 2, width, height);
		URL.revokeObjectURL(picture.src);
	};
	picture.src = URL.createObjectURL(file);
	inked = true;
	send(file, file.type || "image/png");
});

pen.lineWidth = 20;
pen.lineCap = "round";
pen.lineJoin = "round";
pen.strokeStyle = "#000";
clearPad();
