// Listens to the widgets' events. The events bubble and cross the shadow
// root, so one listener on the document hears every widget on the page.
// To send them to analytics or an xAPI endpoint instead, for example:
//   navigator.sendBeacon('/xapi/statements', JSON.stringify({ verb: 'answered', ...event.detail }));
const log = document.getElementById('log');

function show(event) {
  const item = document.createElement('li');
  item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  log.append(item);
}

document.addEventListener('quiz-answer', show);
document.addEventListener('quiz-complete', show);
