// Typeahead over a plain <select data-combobox="single|multiple"> (the ARIA 1.2 combobox
// pattern with a listbox popup). Progressive enhancement only: without this file the <select>
// works as it is. The <select> stays in the form (hidden) and keeps the chosen values, so the
// server sees the same post either way. Texts come from the select's data-text-* attributes,
// translated on the server.
(function () {
  "use strict";

  var counter = 0;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function make(tag, className, attrs) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    Object.keys(attrs || {}).forEach(function (name) {
      el.setAttribute(name, attrs[name]);
    });
    return el;
  }

  function format(template, values) {
    return (template || "").replace(/%\((\w+)\)s/g, function (_match, key) {
      return values[key];
    });
  }

  function enhance(select) {
    var multiple = select.multiple;
    var base = (select.id || "combobox-" + (++counter)) + "-combobox";
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var texts = {
      remove: select.dataset.textRemove || "Remove",
      results: select.dataset.textResults || "%(count)s results",
      none: select.dataset.textNone || "No matches",
      chosen: select.dataset.textChosen || "Chosen",
    };

    var wrapper = make("div", "combobox");
    var chosenList = make("ul", "combobox-chosen", { "aria-label": texts.chosen });
    var input = make("input", "combobox-input", {
      type: "text",
      id: base,
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": base + "-listbox",
    });
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (select.hasAttribute(name)) {
        input.setAttribute(name, select.getAttribute(name));
      }
    });
    var listbox = make("div", "combobox-list", {
      id: base + "-listbox",
      role: "listbox",
      hidden: "",
    });
    if (multiple) {
      listbox.setAttribute("aria-multiselectable", "true");
    }
    if (label) {
      if (!label.id) {
        label.id = base + "-label";
      }
      label.htmlFor = base;
      listbox.setAttribute("aria-labelledby", label.id);
    }
    var status = make("div", "visually-hidden", { role: "status", "aria-live": "polite" });

    // One entry per <option> with a value, in the select's order and groups.
    var entries = [];
    var groups = [];
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) {
        return;
      }
      var group = option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : "";
      var node = make("div", "combobox-option", {
        role: "option",
        id: base + "-option-" + entries.length,
        "aria-selected": "false",
      });
      node.textContent = option.text;
      node.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the input
      });
      node.addEventListener("click", function () {
        choose(entry);
      });
      var entry = { option: option, node: node, group: group, key: fold(option.text + " " + group) };
      entries.push(entry);
      if (!groups.length || groups[groups.length - 1].label !== group) {
        groups.push({ label: group, entries: [] });
      }
      groups[groups.length - 1].entries.push(entry);
    });
    groups.forEach(function (group, index) {
      var parent = listbox;
      if (group.label) {
        parent = make("div", "combobox-group", {
          role: "group",
          "aria-labelledby": base + "-group-" + index,
        });
        var heading = make("div", "combobox-group-label", {
          id: base + "-group-" + index,
          role: "presentation",
        });
        heading.textContent = group.label;
        parent.appendChild(heading);
        listbox.appendChild(parent);
        group.node = parent;
      }
      group.entries.forEach(function (entry) {
        parent.appendChild(entry.node);
      });
    });

    var visible = [];
    var active = -1;

    function selectedEntry() {
      return entries.filter(function (entry) {
        return entry.option.selected;
      })[0];
    }

    function renderChosen() {
      entries.forEach(function (entry) {
        entry.node.setAttribute("aria-selected", entry.option.selected ? "true" : "false");
      });
      if (!multiple) {
        return;
      }
      chosenList.textContent = "";
      entries.forEach(function (entry) {
        if (!entry.option.selected) {
          return;
        }
        var item = make("li");
        var button = make("button", "combobox-remove secondary", {
          type: "button",
          "aria-label": texts.remove + ": " + entry.option.text,
        });
        button.textContent = entry.option.text + " \u00d7";
        button.addEventListener("click", function () {
          entry.option.selected = false;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          renderChosen();
          input.focus();
        });
        item.appendChild(button);
        chosenList.appendChild(item);
      });
      chosenList.hidden = !chosenList.children.length;
    }

    function setActive(index) {
      if (active >= 0 && visible[active]) {
        visible[active].node.classList.remove("active");
      }
      active = index;
      if (active >= 0 && visible[active]) {
        var node = visible[active].node;
        node.classList.add("active");
        input.setAttribute("aria-activedescendant", node.id);
        node.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function filter() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var single = !multiple && selectedEntry();
      if (single && input.value === single.option.text) {
        words = []; // the chosen name in the box: show every choice
      }
      visible = entries.filter(function (entry) {
        var shown = words.every(function (word) {
          return entry.key.indexOf(word) !== -1;
        });
        entry.node.hidden = !shown;
        return shown;
      });
      groups.forEach(function (group) {
        if (group.node) {
          group.node.hidden = !group.entries.some(function (entry) {
            return !entry.node.hidden;
          });
        }
      });
      status.textContent = visible.length
        ? format(texts.results, { count: visible.length })
        : texts.none;
      setActive(-1);
    }

    function open() {
      if (listbox.hidden) {
        filter();
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function restore() {
      if (!multiple) {
        var current = selectedEntry();
        input.value = current ? current.option.text : "";
      }
    }

    function choose(entry) {
      if (multiple) {
        entry.option.selected = !entry.option.selected;
        input.value = "";
        filter();
      } else {
        entry.option.selected = true;
        input.value = entry.option.text;
        close();
      }
      select.dispatchEvent(new Event("change", { bubbles: true }));
      renderChosen();
    }

    input.addEventListener("input", function () {
      if (!multiple && input.value === "" && !select.required) {
        select.value = "";
        renderChosen();
      }
      listbox.hidden = true;
      open();
      filter();
    });
    input.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "ArrowDown" || key === "ArrowUp") {
        event.preventDefault();
        if (listbox.hidden) {
          open();
        }
        if (!visible.length) {
          return;
        }
        var step = key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next < 0) {
          next = visible.length - 1;
        } else if (next >= visible.length) {
          next = 0;
        }
        setActive(next);
      } else if (key === "Enter") {
        if (!listbox.hidden && active >= 0 && visible[active]) {
          event.preventDefault(); // choosing is not submitting the form
          choose(visible[active]);
        }
      } else if (key === "Escape") {
        if (!listbox.hidden) {
          event.preventDefault();
          close();
          restore();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (key === "Backspace" && multiple && input.value === "") {
        var last = entries.filter(function (entry) {
          return entry.option.selected;
        }).pop();
        if (last) {
          last.option.selected = false;
          renderChosen();
        }
      }
    });
    input.addEventListener("focus", function () {
      if (!multiple) {
        input.select();
      }
    });
    input.addEventListener("click", open);
    input.addEventListener("blur", function () {
      close();
      restore();
    });

    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.parentNode.insertBefore(wrapper, select);
    if (multiple) {
      wrapper.appendChild(chosenList);
    }
    wrapper.appendChild(input);
    wrapper.appendChild(listbox);
    wrapper.appendChild(status);
    wrapper.appendChild(select);
    renderChosen();
    restore();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-combobox]"), enhance);
  });
})();
