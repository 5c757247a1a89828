// Tells the agent about new cases: the tab title's count, a short tone (can be muted), a desktop notification when permitted.
let audio;

function tone(urgent) {
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = urgent ? 880 : 660;
  gain.gain.value = 0.08;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + (urgent ? 0.35 : 0.15));
}

export function titleWithCount(title, count) {
  return count > 0 ? `(${count}) ${title}` : title;
}

/** One new case: sound unless muted, and a desktop notification when the agent allowed them. */
export function announce(item, words, { muted }) {
  const urgent = item.priority === 'urgent';
  if (!muted) {
    try {
      tone(urgent);
    } catch {
      // No audio device: the title and the notification still tell.
    }
  }
  if ('Notification' in window && Notification.permission === 'granted') {
    const notice = new Notification(urgent ? words.newUrgent : words.newCase, {
      body: `${words.priorities[item.priority]} · ${words.reasons[item.reason] ?? item.reason}`,
      tag: item.caseId,
    });
    notice.onclick = () => window.focus();
  }
}
