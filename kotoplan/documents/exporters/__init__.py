"""Exporters turn a plan (or all published plans) into files. Views only call them."""
